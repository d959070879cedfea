import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatInt, formatPercent, formatRupiah, formatRupiahShort } from '../../../lib/format';
import { MEETS_COLOR } from '../../../lib/palette';
import type { BreakdownDim } from '../../../p3dn/metrics';
import { useViewStore } from '../../../stores/view-store';
import { useBreakdown, useMonthly } from '../api/get-breakdowns';

const DIMS: Exclude<BreakdownDim, 'bulan'>[] = ['metode', 'jenis', 'source'];

/** Realisasi by metode, jenis and source system, and the cumulative share through the fiscal year. */
export function Breakdowns() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="breakdown-title" data-testid="breakdowns">
      <h2 id="breakdown-title">{t('breakdown.title')}</h2>
      <div className="breakdown-grid">
        {DIMS.map((d) => (
          <div className="table-scroll" key={d}>
            <BreakdownTable dim={d} />
          </div>
        ))}
      </div>
      <MonthlyChart />
    </section>
  );
}

function BreakdownTable({ dim }: { dim: Exclude<BreakdownDim, 'bulan'> }) {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const { data } = useBreakdown(dim);
  if (!data) return null;
  const kpiName = t(`kpi.${kpi}`);
  const label = (g: string) =>
    g === '' ? t('breakdown.unknown') : dim === 'source' ? t(`source.${g}`, { defaultValue: g }) : g;
  return (
    <table className="agency-table breakdown" data-testid={`breakdown-${dim}`}>
      <caption>{t(`breakdown.${dim}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('breakdown.group')}</th>
          <th scope="col" className="num">
            {t('breakdown.rows')}
          </th>
          <th scope="col" className="num">
            {t('breakdown.total')}
          </th>
          <th scope="col" className="num">
            {t('breakdown.share', { kpi: kpiName })}
          </th>
          <th scope="col" className="num">
            {t('breakdown.tanpa')}
          </th>
        </tr>
      </thead>
      <tbody>
        {data.map((r) => (
          <tr key={r.group} data-group={r.group} data-total={r.total} data-part={r[kpi]}>
            <th scope="row">{label(r.group)}</th>
            <td className="num">{formatInt(r.rows, lang)}</td>
            <td className="num" title={formatRupiah(r.total, lang)}>
              {formatRupiahShort(r.total, lang)}
            </td>
            <td className="num" title={formatRupiah(r[kpi], lang)}>
              {formatPercent(r.total > 0 ? r[kpi] / r.total : null, lang)}
            </td>
            <td className="num" title={formatRupiah(r.tanpa[kpi], lang)}>
              {formatRupiahShort(r.tanpa[kpi], lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthlyChart() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const target = useViewStore((s) => s.targets[kpi]);
  const { data } = useMonthly();
  if (!data) return null;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { month: 'short' }).format(
      new Date(2025, m - 1, 1),
    );
  const rows = data.map((p) => ({ month: monthName(p.month), pct: (p[kpi] ?? 0) * 100, share: p[kpi] }));
  const max = Math.max(target * 100, ...rows.map((r) => r.pct)) * 1.1;
  const targetLabel = t('breakdown.target', { target: formatPercent(target, lang) });
  return (
    <figure className="monthly" data-testid="monthly-chart">
      <figcaption>
        <strong>{t('breakdown.monthlyTitle', { kpi: t(`kpi.${kpi}`), den: t(`den.short_${den}`) })}</strong>
      </figcaption>
      <ResponsiveContainer width="100%" height={260} minWidth={320}>
        <LineChart data={rows} margin={{ top: 20, right: 40, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="2 4" />
          <XAxis dataKey="month" />
          <YAxis
            domain={[0, Math.ceil(max / 5) * 5]}
            tickFormatter={(v: number) => formatPercent(v / 100, lang, 0)}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatPercent(v / 100, lang) : '')} />
          <Line
            type="monotone"
            dataKey="pct"
            name={t('breakdown.cumShare')}
            stroke={MEETS_COLOR}
            strokeWidth={2}
            dot={{ r: 4, fill: MEETS_COLOR }}
            isAnimationActive={false}
          />
          <ReferenceLine
            y={target * 100}
            stroke="#111"
            strokeDasharray="6 3"
            label={{ value: targetLabel, position: 'insideTopRight', fontSize: 12, fill: '#111' }}
          />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
