import { useTranslation } from 'react-i18next';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useDatasetInfo } from '../api/get-dataset-info';

/** Which Pemda and year is on screen, and whether it is the sample or the user's own files. */
export function DatasetBadge() {
  const { t } = useTranslation();
  const source = useDatasetStore((s) => s.source);
  const { data } = useDatasetInfo();
  if (!data) return null;
  return (
    <div className="dataset-badge" data-testid="dataset-badge">
      <span className={`pill ${source === 'sample' ? 'pill-sample' : 'pill-own'}`}>
        {source === 'sample' ? t('dataset.sample') : t('dataset.own')}
      </span>{' '}
      <strong data-testid="pemda-name">{data.pemda ?? '—'}</strong>
      {data.year !== null && <span> · {t('dataset.fiscalYear', { year: data.year })}</span>}
      <span className="muted">
        {' '}
        · {t('dataset.files', { count: data.files.length })}: {data.files.map((f) => f.name).join(', ')}
      </span>
    </div>
  );
}
