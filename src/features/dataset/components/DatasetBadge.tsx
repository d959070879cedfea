import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/format';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useStorageStore } from '../../../stores/storage-store';
import { useViewStore } from '../../../stores/view-store';
import { useDatasetInfo } from '../api/get-dataset-info';
import { clearAndRestart } from '../api/persistence';

const formatDateTime = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

/** Where the data on screen is kept: stored in this browser (since when), being stored, or in this tab only. */
function StorageStatus() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const { state, savedAt } = useStorageStore();
  if (state === 'none') return null;
  const text =
    state === 'saved' && savedAt
      ? t('survive.savedAt', { date: formatDateTime(savedAt, lang) })
      : state === 'saving'
        ? t('survive.saving')
        : state === 'tab-only'
          ? t('survive.tabOnly')
          : state === 'failed'
            ? t('survive.failed')
            : null;
  if (!text) return null;
  return (
    <span className={`storage-status storage-${state}`} data-testid="storage-status" data-state={state}>
      {' '}
      · {text}
    </span>
  );
}

function formatLoaded(ms: number, lang: Lang): string {
  const d = new Date(ms);
  const today = new Date().toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    ...(today ? {} : { dateStyle: 'medium' as const }),
    timeStyle: 'short',
  }).format(d);
}

/** Which Pemda and year is on screen, and whether it is the sample or the user's own files (how many, when). */
export function DatasetBadge() {
  const { t } = useTranslation();
  const source = useDatasetStore((s) => s.source);
  const stored = useStorageStore((s) => s.state === 'saved');
  const sampleFrom = useStorageStore((s) => s.sampleFrom);
  const loadedAt = useDatasetStore((s) => s.loadedAt);
  const lang = useViewStore((s) => s.lang);
  const { data } = useDatasetInfo();
  if (!data) return null;
  const names = data.files.map((f) => f.name).join(', ');
  return (
    <div
      className="dataset-badge"
      data-testid="dataset-badge"
      data-source={source}
      data-sample-from={sampleFrom ?? ''}
    >
      <strong className="pemda" data-testid="pemda-name" title={data.pemda ?? undefined}>
        {data.pemda ?? '—'}
      </strong>
      {data.year !== null && (
        <span className="badge-year" data-testid="fiscal-year">
          {t('dataset.fiscalYear', { year: data.year })}
        </span>
      )}
      <span className={`pill ${source === 'sample' ? 'pill-sample' : 'pill-own'}`} data-testid="data-pill">
        {source === 'sample' ? t('dataset.sample') : t('dataset.own')}
      </span>
      <span className="badge-files muted" title={names} data-testid="badge-files">
        {t('dataset.files', { count: data.files.length })}
        {loadedAt !== null && ` · ${t('shell.loadedAt', { time: formatLoaded(loadedAt, lang) })}`}
        <span className="sr-only">: {names}</span>
      </span>
      <StorageStatus />
      {stored && (
        <>
          {' '}
          <button
            type="button"
            className="link-button"
            data-testid="clear-data"
            onClick={() => {
              if (window.confirm(t('survive.clearConfirm'))) void clearAndRestart();
            }}
          >
            {t('survive.clear')}
          </button>
        </>
      )}
    </div>
  );
}
