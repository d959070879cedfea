import { useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText, toCsv } from '../../../lib/csv';
import { formatInt, formatRupiah, formatRupiahShort } from '../../../lib/format';
import type { DrillRow, DrillSortKey, DrillSpec } from '../../../p3dn/metrics';
import { useDataVersions } from '../../../stores/alias-store';
import { useViewStore } from '../../../stores/view-store';
import { PAGE_SIZE, drillPageOptions, drillTotalsOptions, fetchAllDrillRows } from '../api/get-drill';
import { useAgencyName } from '../api/get-agency-name';

const ROW_HEIGHT = 34;
const COLUMNS: { key: DrillSortKey | null; label: string; num?: boolean }[] = [
  { key: 'source', label: 'colSource' },
  { key: 'kd_rup', label: 'colKdRup' },
  { key: null, label: 'colTrx' },
  { key: 'nama_paket', label: 'colNama' },
  { key: 'metode', label: 'colMetode' },
  { key: null, label: 'colJenis' },
  { key: 'tanggal', label: 'colTanggal' },
  { key: 'nilai', label: 'colNilai', num: true },
  { key: 'part', label: 'colPart', num: true },
  { key: null, label: 'colFlag' },
  { key: null, label: 'colFrom' },
  { key: null, label: 'colAlasan' },
  { key: 'line', label: 'colFile' },
];

/**
 * The rows behind the agency that was clicked: RUP packages for the komitmen basis, transactions for realisasi and
 * capaian. Virtualised (only the rows on screen are rendered) and paged from DuckDB with LIMIT/OFFSET.
 */
export function DrillDown() {
  const { t } = useTranslation();
  const agency = useViewStore((s) => s.selectedAgency);
  if (!agency) return null;
  return <DrillPanel key={agency} agency={agency} t={t} />;
}

function DrillPanel({ agency, t }: { agency: string; t: ReturnType<typeof useTranslation>['t'] }) {
  const lang = useViewStore((s) => s.lang);
  const basis = useViewStore((s) => s.basis);
  const kpi = useViewStore((s) => s.kpi);
  const filters = useViewStore((s) => s.filters);
  const close = useViewStore((s) => s.setSelectedAgency);
  const { version, aliases } = useDataVersions();
  const name = useAgencyName(agency);
  const [search, setSearch] = useState('');
  const [flag, setFlag] = useState<DrillSpec['flag']>('all');
  const [sort, setSort] = useState<{ key: DrillSortKey; dir: 'asc' | 'desc' }>({ key: 'nilai', dir: 'desc' });
  const deferredSearch = useDeferredValue(search);
  const kind = basis === 'komitmen' ? 'komitmen' : 'realisasi';
  const spec: DrillSpec = {
    kind,
    agency,
    kpi,
    filters,
    search: deferredSearch,
    flag,
    sort: sort.key,
    dir: sort.dir,
  };
  const totals = useQuery(drillTotalsOptions(version, aliases, spec));
  const count = totals.data?.rows ?? 0;

  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used as documented
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const pages = [...new Set(items.map((i) => Math.floor(i.index / PAGE_SIZE)))];
  // Fetch only the pages where scrolling has come to rest (100 ms): a fast scroll through 50,000 rows must not
  // queue hundreds of page queries in the engine. Pages already fetched show at once while scrolling.
  const pagesKey = pages.join(',');
  const [settled, setSettled] = useState(pagesKey);
  useEffect(() => {
    const id = setTimeout(() => setSettled(pagesKey), 100);
    return () => clearTimeout(id);
  }, [pagesKey]);
  const settledPages = new Set(settled.split(','));
  // Pages come from the table of the current view only (not from a placeholder of the previous one).
  const table = totals.data && !totals.isPlaceholderData ? totals.data.table : null;
  const pageResults = useQueries({
    queries: pages.map((p) => ({
      ...drillPageOptions(table ?? '', p),
      enabled: table !== null && settledPages.has(String(p)),
    })),
  });
  const rowAt = (index: number): DrillRow | undefined => {
    const p = pages.indexOf(Math.floor(index / PAGE_SIZE));
    return pageResults[p]?.data?.[index % PAGE_SIZE];
  };
  const kpiName = t(`kpi.${kpi}`);
  const [exporting, setExporting] = useState(false);

  const onExport = async () => {
    setExporting(true);
    try {
      if (!table) return;
      const rows = await fetchAllDrillRows(table, count);
      const headers = [
        'sumber', 'kd_rup', 'kode_transaksi', 'nama_paket', 'metode', 'jenis', 'sumber_dana', 'tanggal', 'nilai',
        `bagian_${kpi}`, `status_${kpi}`, 'asal_status', 'alasan_non_ukm', 'berkas', 'baris',
      ]; // prettier-ignore
      const csv = toCsv(
        headers,
        rows.map((r) => [
          r.source, r.kdRup, r.trxId, r.namaPaket, r.metode, r.jenis, r.sumberDana, r.tanggal, r.nilai, r.part,
          r.flag === null ? '' : r.flag ? 'Ya' : 'Tidak', r.flagFrom, r.alasanNonUkm, r.file, r.line,
        ]), // prettier-ignore
      );
      const parts = [
        kind,
        kpi,
        name,
        ...Object.values(filters).filter((v) => v !== null),
        flag !== 'all' ? flag : '',
      ]
        .map((p) => String(p).replace(/[^\w.-]+/g, '_'))
        .filter((p) => p !== '' && p !== '_');
      downloadText(`rincian_${parts.join('_')}.csv`, csv);
    } finally {
      setExporting(false);
    }
  };

  const onSort = (key: DrillSortKey) =>
    setSort((s) => ({
      key,
      dir: s.key === key && s.dir === 'desc' ? 'asc' : s.key === key ? 'desc' : 'asc',
    }));

  return (
    <section
      className="panel drill"
      aria-labelledby="drill-title"
      data-testid="drilldown"
      data-agency={agency}
    >
      <div className="drill-head">
        <div>
          <h2 id="drill-title">{t('drill.title', { name })}</h2>
          <p className="basis">
            {t(`basis.shown`, { basis: t(`basis.${basis}`) })} —{' '}
            {t(`drill.subtitle_${kind}`, { kpi: kpiName })}
          </p>
        </div>
        <button type="button" onClick={() => close(null)}>
          {t('drill.close')}
        </button>
      </div>
      <div className="filter-row">
        <span className="field grow">
          <label htmlFor="drill-search">{t('drill.search')}</label>
          <input id="drill-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </span>
        <span className="field">
          <label htmlFor="drill-flag">{t('drill.flag', { kpi: kpiName })}</label>
          <select id="drill-flag" value={flag} onChange={(e) => setFlag(e.target.value as DrillSpec['flag'])}>
            <option value="all">{t('drill.flagAll')}</option>
            <option value="yes">{t('drill.flagYes')}</option>
            <option value="no">{t('drill.flagNo')}</option>
            <option value="tanpa">{t('drill.flagTanpa')}</option>
          </select>
        </span>
        <button type="button" onClick={() => void onExport()} disabled={exporting || count === 0 || !table}>
          {t('drill.export')}
        </button>
      </div>
      {totals.data && (
        <p
          className="drill-totals"
          data-testid="drill-totals"
          data-rows={totals.data.rows}
          data-nilai={totals.data.nilai}
          data-part={totals.data.part}
          aria-busy={totals.isPlaceholderData}
        >
          {t('drill.totals', {
            n: formatInt(totals.data.rows, lang),
            nilai: formatRupiah(totals.data.nilai, lang),
            kpi: kpiName,
            part: formatRupiah(totals.data.part, lang),
            nNilai: formatInt(totals.data.fromNilai, lang),
            nRup: formatInt(totals.data.fromRup, lang),
            nTanpa: formatInt(totals.data.fromTanpa, lang),
          })}
        </p>
      )}
      <div className="drill-table" role="table" aria-rowcount={count + 1} aria-labelledby="drill-title">
        <div className="drill-row drill-header" role="row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div key={c.label} role="columnheader" className={c.num ? 'num' : ''}>
              {c.key ? (
                <button
                  type="button"
                  onClick={() => onSort(c.key as DrillSortKey)}
                  title={t('drill.sortBy', { col: t(`drill.${c.label}`, { kpi: kpiName }) })}
                  data-sort={c.key}
                >
                  {t(`drill.${c.label}`, { kpi: kpiName })}{' '}
                  {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </button>
              ) : (
                t(`drill.${c.label}`, { kpi: kpiName })
              )}
            </div>
          ))}
        </div>
        {/* The rows' group scrolls, and is focusable so that keyboard users can scroll it (arrows, PageDown). */}
        <div className="drill-scroll" ref={scrollRef} data-testid="drill-scroll" tabIndex={0} role="rowgroup">
          {count === 0 && totals.data && (
            <div role="row">
              <p role="cell" className="muted">
                {t('drill.empty')}
              </p>
            </div>
          )}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="presentation">
            {items.map((item) => {
              const r = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`drill-row ${item.index % 2 ? 'odd' : ''}`}
                  data-testid="drill-row"
                  data-index={item.index}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {r ? (
                    <Cells r={r} lang={lang} t={t} />
                  ) : (
                    <div role="cell" className="muted">
                      {t('drill.loading')}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}

function Cells({
  r,
  lang,
  t,
}: {
  r: DrillRow;
  lang: 'id' | 'en';
  t: ReturnType<typeof useTranslation>['t'];
}) {
  return (
    <>
      <div role="cell" title={t(`source.${r.source}`, { defaultValue: r.source })}>
        {t(`source.${r.source}`, { defaultValue: r.source })}
      </div>
      <div role="cell" className="code">{r.kdRup ?? '—'}</div>
      <div role="cell" className="code">{r.trxId ?? '—'}</div>
      <div role="cell" className="ellipsis" title={r.namaPaket ?? ''}>{r.namaPaket ?? '—'}</div>
      <div role="cell" className="ellipsis">{r.metode ?? '—'}</div>
      <div role="cell" className="ellipsis">{r.jenis ?? '—'}</div>
      <div role="cell">{r.tanggal ?? '—'}</div>
      <div role="cell" className="num" title={formatRupiah(r.nilai, lang)} data-value={r.nilai}>{formatRupiahShort(r.nilai, lang)}</div>
      <div role="cell" className="num" title={formatRupiah(r.part, lang)} data-value={r.part}>{formatRupiahShort(r.part, lang)}</div>
      <div role="cell">{r.flag === null ? '—' : r.flag ? `✓ ${t('drill.yes')}` : `✗ ${t('drill.no')}`}</div>
      <div role="cell" className={`from from-${r.flagFrom}`}>{t(`drill.from_${r.flagFrom}`)}</div>
      <div role="cell" className="ellipsis" title={r.alasanNonUkm ?? ''}>{r.alasanNonUkm ?? ''}</div>
      <div role="cell" className="ellipsis code" title={`${r.file}:${r.line}`}>{`${r.file}:${r.line}`}</div>
    </>
  ); // prettier-ignore
}
