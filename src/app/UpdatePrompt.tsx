import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The service worker (vite-plugin-pwa): registered at start; once everything is precached the app opens with no
 * network; when a new version has been installed beside the running one, the user is asked before it takes over.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError: (e: unknown) => console.warn('service worker not registered', e),
  });
  if (!needRefresh) return null;
  return (
    <div role="status" className="notice" data-testid="update-ready">
      {t('survive.updateReady')}{' '}
      <button type="button" onClick={() => void updateServiceWorker(true)} data-testid="update-now">
        {t('survive.update')}
      </button>
    </div>
  );
}
