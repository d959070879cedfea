import { useTranslation } from 'react-i18next';
import { formatInt } from '../../../lib/format';
import { useDatasetStore } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';
import { useDatasetInfo } from '../api/get-dataset-info';

const COLS = ['read', 'loaded', 'superseded', 'excluded', 'rejected'] as const;

/** Every file that is loaded now, with what became of its lines (the import reports give the reasons). */
export function FilesLoaded() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const source = useDatasetStore((s) => s.source);
  const { data } = useDatasetInfo();
  if (!data) return null;
  return (
    <section className="panel" aria-labelledby="files-title" data-testid="files-loaded" data-source={source}>
      <h2 id="files-title">
        {t('shell.files')} ·{' '}
        <span className={`pill ${source === 'sample' ? 'pill-sample' : 'pill-own'}`}>
          {source === 'sample' ? t('dataset.sample') : t('dataset.own')}
        </span>
      </h2>
      {data.files.length === 0 ? (
        <p className="empty-state">{t('shell.emptyData')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('shell.filesCols.name')}</th>
                <th scope="col">{t('shell.filesCols.kind')}</th>
                {COLS.map((c) => (
                  <th scope="col" className="num" key={c}>
                    {t(`shell.filesCols.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.files.map((f, i) => (
                <tr key={`${f.name}-${i}`}>
                  <th scope="row" className="file-name">
                    {f.name}
                  </th>
                  <td>{t(`importer.kind.${f.kind}`, { defaultValue: f.kind })}</td>
                  {COLS.map((c) => (
                    <td className="num" key={c}>
                      {formatInt(f[c], lang)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
