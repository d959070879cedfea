import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useReviewStore } from '../../../stores/review-store';
import { useViewStore } from '../../../stores/view-store';
import '../review.css';
import { currentViewUrl } from '../lib/url-sync';

/** Presentation, printable report and the shareable link: what the Tim P3DN needs for a review meeting. */
export function ReviewToolbar() {
  const { t } = useTranslation();
  const setMode = useReviewStore((s) => s.setMode);
  const url = useSyncExternalStore(useViewStore.subscribe, currentViewUrl);
  const [copied, setCopied] = useState<'ok' | 'manual' | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(url)
      .then(() => setCopied('ok'))
      .catch(() => setCopied('manual'));
  };
  return (
    <section
      className="panel review-toolbar"
      aria-label={t('review.toolbar.label')}
      data-testid="review-toolbar"
    >
      <div className="review-actions">
        <button type="button" onClick={() => setMode('present')} data-testid="open-presentation">
          {t('review.toolbar.present')}
        </button>
        <button type="button" onClick={() => setMode('report')} data-testid="open-report">
          {t('review.toolbar.report')}
        </button>
      </div>
      <div className="share">
        <label htmlFor="share-url">{t('review.share.label')}</label>
        <input
          id="share-url"
          data-testid="share-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" onClick={copy}>
          {t('review.share.copy')}
        </button>
        <span role="status" className="small">
          {copied === 'ok' ? t('review.share.copied') : copied === 'manual' ? t('review.share.manual') : ''}
        </span>
        <p className="muted small" data-testid="share-note">
          {t('review.share.note')}
        </p>
      </div>
    </section>
  );
}
