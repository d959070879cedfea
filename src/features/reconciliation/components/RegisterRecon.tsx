import { useTranslation } from 'react-i18next';
import { pemdaLabel } from '../../../components/pemda-label';
import { formatInt, formatRupiah, formatRupiahShort } from '../../../lib/format';
import { MATCH_PATHS } from '../../../p3dn/agency';
import { useAliasStore } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';
import type { Recon } from '../api/get-recon';

const PATHS = [...MATCH_PATHS, 'none', 'sendiri'] as const;

/**
 * The register across every file kind: per kind, how its rows found their agency (rows and rupiah per path), and
 * the plan or budget agencies still without a partner, with the rupiah at stake, mapped in place by alias.
 */
export function RegisterRecon({ data }: { data: Recon }) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const setAlias = useAliasStore((s) => s.setAlias);
  const kinds = [...new Set(data.byKind.map((r) => r.kind))];
  const multiPemda = new Set(data.agencies.map((a) => a.pemdaKey)).size > 1;
  const kindName = (k: string) => t(`kind.${k}`, { defaultValue: t(`source.${k}`, { defaultValue: k }) });
  const agencyName = (a: Recon['agencies'][number]) =>
    multiPemda ? `${a.name} — ${pemdaLabel(t, a.pemdaKey, a.pemda)}` : a.name;
  return (
    <>
      <h3>{t('recon.byKindTitle')}</h3>
      <div className="table-scroll">
        <table className="agency-table" data-testid="match-by-kind">
          <thead>
            <tr>
              <th scope="col">{t('recon.kind')}</th>
              {PATHS.map((p) => (
                <th key={p} scope="col" className="num">
                  {t(`recon.path_${p}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {kinds.map((k) => (
              <tr key={k} data-kind={k}>
                <th scope="row">{kindName(k)}</th>
                {PATHS.map((p) => {
                  const r = data.byKind.find((x) => x.kind === k && x.path === p);
                  return (
                    <td
                      key={p}
                      className="num"
                      data-path={p}
                      data-rows={r?.rows ?? 0}
                      data-total={r?.total ?? 0}
                      title={r ? formatRupiah(r.total, lang) : undefined}
                    >
                      {r ? `${formatInt(r.rows, lang)} · ${formatRupiahShort(r.total, lang)}` : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('recon.registerTitle')}</h3>
      <p className="muted small">{t('recon.registerIntro')}</p>
      {data.unmatchedAgencies.length === 0 ? (
        <p>{t('recon.registerAllMatched')}</p>
      ) : (
        <div className="table-scroll">
          <table className="agency-table" data-testid="unmatched-agencies">
            <thead>
              <tr>
                <th scope="col">{t('recon.name')}</th>
                {multiPemda && <th scope="col">{t('recon.pemda')}</th>}
                <th scope="col">{t('recon.codes')}</th>
                <th scope="col">{t('recon.kinds')}</th>
                <th scope="col" className="num">
                  {t('recon.rows')}
                </th>
                <th scope="col" className="num">
                  {t('recon.atStake')}
                </th>
                <th scope="col">{t('recon.mapTo')}</th>
              </tr>
            </thead>
            <tbody>
              {data.unmatchedAgencies.map((u, i) => (
                <tr key={`${u.pemdaKey}|${u.aliasKey}`} data-alias={u.aliasKey} data-total={u.total}>
                  <th scope="row">{u.names || u.aliasKey}</th>
                  {multiPemda && <td>{pemdaLabel(t, u.pemdaKey, u.pemda)}</td>}
                  <td className="code">{u.codes || '—'}</td>
                  <td>{u.kinds.map(kindName).join(', ')}</td>
                  <td className="num">{formatInt(u.rows, lang)}</td>
                  <td className="num" title={formatRupiah(u.total, lang)}>
                    {formatRupiahShort(u.total, lang)}
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`map-reg-${i}`}>
                      {t('recon.mapTo')} {u.names || u.aliasKey}
                    </label>
                    <select
                      id={`map-reg-${i}`}
                      value=""
                      onChange={(e) => e.target.value && setAlias(u.aliasKey, e.target.value)}
                    >
                      <option value="">{t('recon.choose')}</option>
                      {data.agencies
                        .filter((a) => u.pemdaKey === 'tanpa_pemda' || a.pemdaKey === u.pemdaKey)
                        .map((a) => (
                          <option key={a.key} value={a.key}>
                            {agencyName(a)}
                          </option>
                        ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
