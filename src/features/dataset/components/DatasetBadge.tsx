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

/** Which Pemda and year is on screen, and whether it is the sample or the user's own files. */
export function DatasetBadge() {
  const { t } = useTranslation();
  const source = useDatasetStore((s) => s.source);
  const stored = useStorageStore((s) => s.state === 'saved');
  const sampleFrom = useStorageStore((s) => s.sampleFrom);
  const { data } = useDatasetInfo();
  if (!data) return null;
  return (
    <div
      className="dataset-badge"
      data-testid="dataset-badge"
      data-source={source}
      data-sample-from={sampleFrom ?? ''}
    >
      <span className={`pill ${source === 'sample' ? 'pill-sample' : 'pill-own'}`}>
        {source === 'sample' ? t('dataset.sample') : t('dataset.own')}
      </span>{' '}
      <strong data-testid="pemda-name">{data.pemda ?? '—'}</strong>
      {data.year !== null && <span> · {t('dataset.fiscalYear', { year: data.year })}</span>}
      <span className="muted">
        {' '}
        · {t('dataset.files', { count: data.files.length })}: {data.files.map((f) => f.name).join(', ')}
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
