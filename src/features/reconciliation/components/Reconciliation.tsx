import Papa from 'papaparse';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from '../../../lib/csv';
import { formatInt, formatRupiah, formatRupiahShort } from '../../../lib/format';
import { MATCH_PATHS } from '../../../p3dn/agency';
import type { AliasEntry } from '../../../p3dn/agency';
import { useAliasStore } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';
import { useRecon } from '../api/get-recon';

/** How transactions were matched to SIRUP agencies, what is left unmatched (with the rupiah), and the aliases. */
export function Reconciliation() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const { data } = useRecon();
  const aliases = useAliasStore((s) => s.aliases);
  const setAlias = useAliasStore((s) => s.setAlias);
  const removeAlias = useAliasStore((s) => s.removeAlias);
  const replaceAliases = useAliasStore((s) => s.replaceAliases);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (!data) return null;
  const nameOf = new Map(data.agencies.map((a) => [a.key, a.name]));

  const onExport = () => {
    downloadText(
      'alias-perangkat-daerah.csv',
      toCsv(
        ['alias_key', 'agency_key', 'nama_satker'],
        aliases.map((a) => [a.aliasKey, a.agencyKey, nameOf.get(a.agencyKey) ?? '']),
      ),
    );
  };
  const onImport = async (file: File) => {
    const text = (await file.text()).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const rows: AliasEntry[] = parsed.data
      .map((r) => ({ aliasKey: (r['alias_key'] ?? '').trim(), agencyKey: (r['agency_key'] ?? '').trim() }))
      .filter((r) => r.aliasKey !== '' && r.agencyKey !== '');
    if (!parsed.meta.fields?.includes('alias_key') || !parsed.meta.fields.includes('agency_key')) {
      setMessage({ ok: false, text: t('recon.importError') });
      return;
    }
    const merged = new Map(aliases.map((a) => [a.aliasKey, a]));
    for (const r of rows) merged.set(r.aliasKey, r);
    replaceAliases([...merged.values()]);
    setMessage({ ok: true, text: t('recon.imported', { count: rows.length }) });
  };

  return (
    <section className="panel" aria-labelledby="recon-title" data-testid="reconciliation">
      <h2 id="recon-title">{t('recon.title')}</h2>
      <p className="muted small">{t('recon.intro')}</p>
      <ul className="match-paths">
        {[...MATCH_PATHS, 'none'].map((p) => {
          const r = data.paths.find((x) => x.path === p);
          return (
            <li key={p} data-testid={`match-${p}`} data-rows={r?.rows ?? 0} data-total={r?.total ?? 0}>
              <strong>{t(`recon.path_${p}`)}</strong>: {formatInt(r?.rows ?? 0, lang)} ·{' '}
              {formatRupiahShort(r?.total ?? 0, lang)}
            </li>
          );
        })}
      </ul>
      <h3>{t('recon.unmatchedTitle')}</h3>
      {data.unmatched.length === 0 ? (
        <p>{t('recon.allMatched')}</p>
      ) : (
        <div className="table-scroll">
          <table className="agency-table" data-testid="unmatched-table">
            <thead>
              <tr>
                <th scope="col">{t('recon.name')}</th>
                <th scope="col">{t('recon.codes')}</th>
                <th scope="col">{t('recon.sources')}</th>
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
              {data.unmatched.map((u, i) => (
                <tr key={u.aliasKey} data-alias={u.aliasKey} data-total={u.total}>
                  <th scope="row">{u.names || u.aliasKey}</th>
                  <td className="code">{u.codes || '—'}</td>
                  <td>{u.sources.map((s) => t(`source.${s}`, { defaultValue: s })).join(', ')}</td>
                  <td className="num">{formatInt(u.rows, lang)}</td>
                  <td className="num" title={formatRupiah(u.total, lang)}>
                    {formatRupiahShort(u.total, lang)}
                  </td>
                  <td>
                    <label className="sr-only" htmlFor={`map-${i}`}>
                      {t('recon.mapTo')} {u.names || u.aliasKey}
                    </label>
                    <select
                      id={`map-${i}`}
                      value=""
                      onChange={(e) => e.target.value && setAlias(u.aliasKey, e.target.value)}
                    >
                      <option value="">{t('recon.choose')}</option>
                      {data.agencies.map((a) => (
                        <option key={a.key} value={a.key}>
                          {a.name}
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
      <h3>{t('recon.aliasesTitle')}</h3>
      {aliases.length === 0 ? (
        <p className="muted">{t('recon.noAliases')}</p>
      ) : (
        <table className="agency-table" data-testid="alias-table">
          <thead>
            <tr>
              <th scope="col">{t('recon.aliasFrom')}</th>
              <th scope="col">{t('recon.aliasTo')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {aliases.map((a) => (
              <tr key={a.aliasKey}>
                <td>{a.aliasKey}</td>
                <td>{nameOf.get(a.agencyKey) ?? a.agencyKey}</td>
                <td>
                  <button type="button" onClick={() => removeAlias(a.aliasKey)}>
                    {t('recon.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="filter-row">
        <button type="button" onClick={onExport} disabled={aliases.length === 0}>
          {t('recon.export')}
        </button>
        <label className="button-like">
          {t('recon.import')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="sr-only"
            data-testid="alias-import"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void onImport(f);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {message && (
        <p role="status" className={message.ok ? 'notice' : 'notice notice-error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
