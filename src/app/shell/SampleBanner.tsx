import { useTranslation } from 'react-i18next';
import { useDatasetStore } from '../../stores/dataset-store';
import { LoadButton } from './Header';

/** While the bundled sample is on screen, every view says so, with the way out. */
export function SampleBanner() {
  const { t } = useTranslation();
  const source = useDatasetStore((s) => s.source);
  const status = useDatasetStore((s) => s.status);
  if (source !== 'sample' || status !== 'ready') return null;
  return (
    <div className="sample-banner" role="note" data-testid="sample-banner">
      <span className="pill pill-sample">{t('dataset.sample')}</span>
      <span className="sample-text">{t('shell.sampleBanner')}</span>
      <LoadButton testId="banner-load-data" />
    </div>
  );
}
