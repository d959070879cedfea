import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../../components/PanelBoundary';
import { DatasetBadge } from '../../features/dataset/components/DatasetBadge';
import { openFilePicker } from '../../features/import/lib/picker';
import { LANGS } from '../../lib/i18n';
import { useDatasetStore } from '../../stores/dataset-store';
import { navigate } from '../../stores/route-store';
import { useViewStore } from '../../stores/view-store';

/** Pemda, fiscal year, data badge, language, and the primary action: load data. */
export function Header() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const setLang = useViewStore((s) => s.setLang);
  const busy = useDatasetStore((s) => s.busy);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <PanelBoundary name="dataset">
        <DatasetBadge />
      </PanelBoundary>
      <div className="header-actions">
        <span className="field inline">
          <label htmlFor="lang">{t('app.language')}</label>
          <select id="lang" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'id')}>
            {LANGS.map((l) => (
              <option key={l} value={l}>
                {l === 'id' ? 'Bahasa Indonesia' : 'English'}
              </option>
            ))}
          </select>
        </span>
        <LoadButton disabled={busy !== null} />
      </div>
    </header>
  );
}

export function LoadButton({
  disabled = false,
  testId = 'load-data',
}: {
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="primary"
      data-testid={testId}
      disabled={disabled}
      onClick={() => {
        navigate('data');
        openFilePicker();
      }}
    >
      {t('shell.load')}
    </button>
  );
}
