import { useTranslation } from 'react-i18next';
import { useStorageStore } from '../../../stores/storage-store';

/** A stored dataset that could not be opened at start: why, which files it held, and that the sample is shown. */
export function StoredDataProblem() {
  const { t } = useTranslation();
  const problem = useStorageStore((s) => s.problem);
  const set = useStorageStore((s) => s.set);
  if (!problem) return null;
  const files = problem.files.length > 0 ? problem.files.join(', ') : t('survive.problemNoFiles');
  return (
    <div role="alert" className="notice notice-error" data-testid="stored-problem" data-code={problem.code}>
      <strong>{t('survive.problemTitle')}</strong>
      <p>
        {t(`survive.problem_${problem.code}`, { files })} {t('survive.problemSample')}
      </p>
      <button type="button" onClick={() => set({ problem: null })}>
        {t('survive.dismiss')}
      </button>
    </div>
  );
}
