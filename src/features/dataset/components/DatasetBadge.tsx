import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/format';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';
import { useDatasetInfo } from '../api/get-dataset-info';

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
  const loadedAt = useDatasetStore((s) => s.loadedAt);
  const lang = useViewStore((s) => s.lang);
  const { data } = useDatasetInfo();
  if (!data) return null;
  const names = data.files.map((f) => f.name).join(', ');
  return (
    <div className="dataset-badge" data-testid="dataset-badge" data-source={source}>
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
    </div>
  );
}
