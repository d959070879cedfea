import { useTranslation } from 'react-i18next';
import { useStorageStore } from '../stores/storage-store';

/** The engine stopped (its data in this tab is gone; the stored data is not): say so and offer a reload. */
export function EngineDeadBanner() {
  const { t } = useTranslation();
  const dead = useStorageStore((s) => s.engineDead);
  if (!dead) return null;
  return (
    <div role="alert" className="notice notice-error" data-testid="engine-dead">
      <p>{t('survive.engineDead')}</p>
      <button type="button" onClick={() => location.reload()} data-testid="engine-reload">
        {t('survive.reload')}
      </button>
    </div>
  );
}

/** Saved settings that were malformed and ignored (the app runs on the defaults). */
export function IgnoredSettingsNote() {
  const { t } = useTranslation();
  const keys = useStorageStore((s) => s.ignoredSettings);
  const set = useStorageStore((s) => s.set);
  if (keys.length === 0) return null;
  const list = keys.map((k) => t(`survive.setting_${k === 'aliases' ? 'aliases' : 'view'}`)).join(', ');
  return (
    <div role="status" className="notice" data-testid="settings-ignored">
      {t('survive.settingsIgnored', { list })}{' '}
      <button type="button" onClick={() => set({ ignoredSettings: [] })}>
        {t('survive.dismiss')}
      </button>
    </div>
  );
}
