import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../../../stores/route-store';
import { useViewStore } from '../../../stores/view-store';
import '../review.css';
import { currentViewUrl } from '../lib/url-sync';

const subscribe = (fn: () => void) => {
  const a = useViewStore.subscribe(fn);
  const b = useRouteStore.subscribe(fn);
  return () => {
    a();
    b();
  };
};

/** The shareable link of what is on screen (the view and its settings, never the data), in a small pop-over. */
export function ShareLink() {
  const { t } = useTranslation();
  const url = useSyncExternalStore(subscribe, currentViewUrl);
  const [copied, setCopied] = useState<'ok' | 'manual' | null>(null);
  const copy = () => {
    navigator.clipboard
      .writeText(url)
      .then(() => setCopied('ok'))
      .catch(() => setCopied('manual'));
  };
  return (
    <details className="share-pop" data-testid="review-toolbar">
      <summary>{t('shell.share')}</summary>
      <div className="share-body share">
        <label htmlFor="share-url">{t('review.share.label')}</label>
        <div className="share-row">
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
        </div>
        <span role="status" className="small">
          {copied === 'ok' ? t('review.share.copied') : copied === 'manual' ? t('review.share.manual') : ''}
        </span>
        <p className="muted small" data-testid="share-note">
          {t('review.share.note')}
        </p>
      </div>
    </details>
  );
}
