import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInt, formatPercent, type Lang } from '../../../lib/format';
import { useDatasetStore, type ImportNotice } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';
import { importUserFiles } from '../api/import-files';

/** Drop zone and file picker for the user's own SIRUP exports, with a report line per file. */
export function ImportPanel() {
  const { t } = useTranslation();
  const busy = useDatasetStore((s) => s.busy);
  const notices = useDatasetStore((s) => s.notices);
  const clear = useDatasetStore((s) => s.clearNotices);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const take = (list: FileList | null) => {
    if (list && list.length > 0) void importUserFiles(Array.from(list));
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files);
  };

  return (
    <section className="panel import-panel" aria-labelledby="import-heading">
      <h2 id="import-heading">{t('import.heading')}</h2>
      <div
        className={`dropzone${over ? ' dropzone-over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <span>{t('import.drop')} </span>
        <button
          type="button"
          className="link-button"
          onClick={() => input.current?.click()}
          disabled={busy !== null}
        >
          {t('import.choose')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,text/csv"
          data-testid="file-input"
          aria-label={t('import.choose')}
          className="visually-hidden"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        <p className="muted small">
          {t('import.kinds')} {t('import.replacesSample')}
        </p>
      </div>
      {busy !== null && (
        <p role="status" className="busy">
          {t('import.working', { name: busy })}
        </p>
      )}
      {notices.length > 0 && (
        <div className="notices">
          <ul>
            {notices.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
          <button type="button" className="link-button" onClick={clear}>
            {t('import.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}

function NoticeItem({ notice }: { notice: ImportNotice }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  if (notice.type === 'error') {
    return (
      <li className="notice notice-error" role="alert" data-testid="import-error">
        <strong>{t('import.failedTitle', { name: notice.name })}</strong>
        <span> {t(`error.${notice.code}`, { detail: notice.detail ?? '' })}</span>
        <span> {t('import.unchanged')}</span>
      </li>
    );
  }
  const list = (rec: Record<string, number>) =>
    Object.entries(rec)
      .map(([k, v]) => `${t(`rule.${k}`)} ${formatInt(v, lang)}`)
      .join(', ');
  return (
    <li className="notice notice-ok" data-testid="import-result">
      <strong>{notice.name}</strong>{' '}
      <span>
        {t('import.detected', {
          kind: t(`kind.${notice.kind}`),
          confidence: formatPercent(notice.confidence, lang, 0),
        })}
      </span>{' '}
      <span data-testid="import-counts">
        {t('import.resultLine', {
          read: formatInt(notice.read, lang),
          loaded: formatInt(notice.loaded, lang),
          excluded: formatInt(notice.excluded, lang),
          rejected: formatInt(notice.rejected, lang),
        })}
      </span>
      {notice.excluded > 0 && <span> {t('import.excludedBy', { list: list(notice.excludedByRule) })}</span>}
      {notice.rejected > 0 && <span> {t('import.rejectedBy', { list: list(notice.rejectedByReason) })}</span>}
      {notice.replaced > 0 && <span> {t('import.replaced', { count: notice.replaced })}</span>}
    </li>
  );
}
