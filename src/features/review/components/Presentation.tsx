import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSlides } from '../../../lib/slide-registry';
import { useDatasetStore } from '../../../stores/dataset-store';
import { leave } from '../../../stores/route-store';
import { useReviewMeta } from '../api/get-review-data';
import '../lib/register-slides';

/** Full-screen slides, one view each, keyboard driven: ←/→, PageUp/PageDown, Home/End; Esc leaves. */
export function Presentation() {
  const { t } = useTranslation();
  const source = useDatasetStore((s) => s.source);
  const { data: meta } = useReviewMeta();
  const slides = getSlides();
  const [index, setIndex] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const last = slides.length - 1;
  const go = useCallback((i: number) => setIndex(Math.max(0, Math.min(last, i))), [last]);
  const close = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    leave();
    // Back where the user started the presentation from.
    setTimeout(() => document.querySelector<HTMLElement>('[data-testid=open-presentation]')?.focus(), 0);
  }, []);

  useEffect(() => {
    root.current?.focus();
    root.current?.requestFullscreen?.().catch(() => undefined); // refused without a user gesture: stay in-page
    const onFs = () => {
      if (!document.fullscreenElement) leave();
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const keys: Record<string, () => void> = {
        ArrowRight: () => go(index + 1),
        PageDown: () => go(index + 1),
        ArrowLeft: () => go(index - 1),
        PageUp: () => go(index - 1),
        Home: () => go(0),
        End: () => go(last),
        Escape: close,
      };
      const f = keys[e.key];
      if (f && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        f();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, close, index, last]);

  const slide = slides[index];
  if (!slide) return null;
  const { Component } = slide;
  return (
    <div
      ref={root}
      className="presentation"
      role="dialog"
      aria-modal="true"
      aria-label={t('review.present.label')}
      tabIndex={-1}
      data-testid="presentation"
      data-slide={slide.id}
    >
      <header className="slide-head">
        <h1 className="slide-title" data-testid="slide-title">
          {t(slide.titleKey)}
        </h1>
        <p className="slide-context">
          {meta?.pemda ?? '—'}
          {meta?.year != null && ` · ${t('dataset.fiscalYear', { year: meta.year })}`}
          {source === 'sample' && ` · ${t('dataset.sample')}`}
        </p>
      </header>
      <div className="slide-body" aria-live="polite">
        <Component />
      </div>
      <footer className="slide-foot">
        <button
          type="button"
          onClick={() => go(index - 1)}
          disabled={index === 0}
          aria-label={t('review.present.prev')}
        >
          ←
        </button>
        <span
          data-testid="slide-counter"
          aria-label={t('review.present.position', { n: index + 1, m: slides.length })}
        >
          {index + 1} / {slides.length}
        </span>
        <button
          type="button"
          onClick={() => go(index + 1)}
          disabled={index === last}
          aria-label={t('review.present.next')}
        >
          →
        </button>
        <span className="slide-keys">{t('review.present.keys')}</span>
        <button type="button" onClick={close} data-testid="presentation-close">
          {t('review.present.close')}
        </button>
      </footer>
    </div>
  );
}
