import { memo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useInView } from '../../../components/use-in-view';
import { pemdaLabel } from '../../../components/pemda-label';
import { formatPercent } from '../../../lib/format';
import { yearOverYear, type Kpi, type YoyItem, type YoyRow } from '../../../p3dn/metrics';
import { useAgencyMetrics } from '../../../queries/metric-queries';
import { useViewStore } from '../../../stores/view-store';
import { useLoadedYears, useYearOverYear, type YoyData } from '../api/get-yoy';

/** A change in share as signed percentage points (`+3,2 poin`). */
function points(change: number | null, lang: 'id' | 'en'): string {
  if (change === null) return '—';
  const v = formatPercent(Math.abs(change), lang).replace(/\s?%$/, '');
  return `${change > 0 ? '+' : change < 0 ? '−' : '±'}${v}`;
}

/**
 * With two or more fiscal years loaded: each Pemda's and each agency's share in the two years compared (the
 * year filter's and the one before, else the last two) and the change in share points, largest moves first.
 */
export function YearOverYear() {
  const anchor = useRef<HTMLDivElement>(null);
  // Watched once the figures above are drawn: before, the panel's place is high on a page still being laid out.
  const drawn = useAgencyMetrics().data !== undefined;
  const { data, isPlaceholderData } = useYearOverYear(useInView(anchor, drawn));
  // Always in the page: the place the panel appears once scrolled to; with two years or more loaded it keeps the
  // panel's room meanwhile, so the page can be scrolled to it.
  const years = useLoadedYears();
  const reserve = !data && (years?.length ?? 0) >= 2;
  return (
    <div ref={anchor} className={reserve ? 'yoy-anchor yoy-reserve' : 'yoy-anchor'} data-testid="yoy-anchor">
      {data && <YoyPanel data={data} busy={isPlaceholderData} />}
    </div>
  );
}

const YoyPanel = memo(function YoyPanel({ data, busy }: { data: YoyData; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const [y0, y1] = data.years;
  const byMove = <T extends YoyItem>(rows: YoyRow<T>[]) =>
    rows.sort((a, b) => Math.abs(b.change ?? -1) - Math.abs(a.change ?? -1));
  const pemda = byMove(
    yearOverYear(
      data.pemda[0].map((r) => ({ ...r, key: r.pemdaKey })),
      data.pemda[1].map((r) => ({ ...r, key: r.pemdaKey })),
      kpi,
    ),
  );
  const agencies = byMove(
    yearOverYear(
      data.agencies[0].map((r) => ({ ...r, key: r.agencyKey })),
      data.agencies[1].map((r) => ({ ...r, key: r.agencyKey })),
      kpi,
    ),
  );
  const multiPemda = pemda.length > 1;
  const table = <T extends YoyItem>(
    rows: YoyRow<T>[],
    testId: string,
    head: string,
    name: (r: YoyRow<T>) => string,
  ) => (
    <div className="table-scroll">
      <table className="agency-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" className="num">
              {t('yoy.shareIn', { kpi: t(`kpi.${kpi}`), year: y0 })}
            </th>
            <th scope="col" className="num">
              {t('yoy.shareIn', { kpi: t(`kpi.${kpi}`), year: y1 })}
            </th>
            <th scope="col" className="num">
              {t('yoy.change')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key} data-change={r.change ?? ''}>
              <th scope="row">{name(r)}</th>
              <td className="num">{formatPercent(share(r.prev, kpi), lang)}</td>
              <td className="num">{formatPercent(share(r.cur, kpi), lang)}</td>
              <td className="num">{points(r.change, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="yoy-title" data-testid="year-over-year" aria-busy={busy}>
      <h2 id="yoy-title">{t('yoy.title', { y0, y1 })}</h2>
      <p className="muted small">{t('yoy.intro')}</p>
      {multiPemda &&
        table(pemda, 'yoy-pemda', t('pemda.name'), (r) =>
          pemdaLabel(t, r.key, (r.cur ?? r.prev)?.name ?? null),
        )}
      {table(agencies, 'yoy-agencies', t('table.agency'), (r) => {
        const m = r.cur ?? r.prev;
        return multiPemda && m
          ? `${m.name} — ${pemdaLabel(t, m.pemdaKey ?? '', m.pemda)}`
          : (m?.name ?? r.key);
      })}
    </section>
  );
});

const share = (r: YoyItem | null, kpi: Kpi) => r?.share[kpi] ?? null;
