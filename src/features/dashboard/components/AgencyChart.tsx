import { memo, useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useFitToViewport } from '../../../components/use-fit-to-viewport';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatPercent, formatRupiahShort, formatShareVsTarget, type Lang } from '../../../lib/format';
import type { BasisAgencyMetric, Kpi } from '../../../p3dn/metrics';
import { MEETS_COLOR, MISSES_COLOR } from '../../../lib/palette';
import { useViewStore } from '../../../stores/view-store';
import { useAgencyMetrics } from '../../../queries/metric-queries';

const ROW_HEIGHT = 24;
const NAME_WIDTH = 280;
/** About as many characters of a 12 px name as fit in NAME_WIDTH; longer names end in … with the full name in a title. */
const NAME_CHARS = 34;

function shortName(name: string, max = NAME_CHARS): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

/** An agency name on the axis: cut to fit, the full name on hover (SVG title); the bar carries it for focus. */
function NameTick(props: { x?: number; y?: number; payload?: { value?: unknown } }) {
  const { x = 0, y = 0, payload } = props;
  const full = String(payload?.value ?? '');
  const short = shortName(full);
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1b1f24" data-testid="agency-tick">
      {short !== full && <title>{full}</title>}
      {short}
    </text>
  );
}

interface Datum {
  name: string;
  agencyKey: string;
  pct: number;
  share: number | null;
  meets: boolean | null;
  numerator: number;
  denominator: number | null;
}

type Select = (agencyKey: string) => void;

interface BarShapeProps {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  payload?: Datum;
}

interface BarExtra {
  noDenLabel: string;
  onSelect: Select;
  openLabel: string;
  target: number;
  lang: Lang;
}

function AgencyBar(props: BarShapeProps & BarExtra) {
  const {
    x = 0,
    y = 0,
    width = 0,
    height = 0,
    payload,
    noDenLabel,
    onSelect,
    openLabel,
    target,
    lang,
  } = props;
  if (!payload) return null;
  // A bar opens the agency's rows (click, Enter or Space): the drill-down total equals its numerator.
  const open = {
    role: 'button',
    tabIndex: 0,
    'aria-label': `${openLabel}: ${payload.name}`,
    style: { cursor: 'pointer' },
    onClick: () => onSelect(payload.agencyKey),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(payload.agencyKey);
      }
    },
  };
  if (payload.share === null) {
    return (
      <text
        x={x + 4}
        y={y + height / 2}
        dominantBaseline="middle"
        className="no-den-label"
        data-testid="agency-noden"
        data-agency={payload.agencyKey}
        data-value={payload.numerator}
        {...open}
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
        aria-label={`— ${noDenLabel} · ${openLabel}: ${payload.name}`}
      >
        — {noDenLabel}
      </text>
    );
  }
  const fill = payload.meets ? MEETS_COLOR : 'url(#miss-hatch)';
  return (
    <>
      <g
        data-testid="agency-bar"
        data-agency={payload.agencyKey}
        data-share={payload.share}
        data-value={payload.numerator}
        data-meets={String(payload.meets)}
        {...open}
      >
        {/* A full-height transparent hit area so that short bars are easy to click. */}
        <rect x={x} y={y} width={Math.max(width, 24)} height={height} fill="transparent" />
        <rect
          x={x}
          y={y}
          width={Math.max(width, 0)}
          height={height}
          fill={fill}
          stroke={payload.meets ? MEETS_COLOR : MISSES_COLOR}
        />
      </g>
      {/* The share at the bar's end, drawn with the bar (outside its button: not part of its name). A label list
          of Recharts' own cost the chart ≈ 8 % of its drawing time at every change. */}
      {payload.pct > 0 && (
        <text x={x + Math.max(width, 0) + 5} y={y + height / 2} dy="0.355em" fontSize={11} fill="#1b1f24">
          {formatShareVsTarget(payload.pct / 100, target, lang)}
        </text>
      )}
    </>
  );
}

/** The agencies' bars of one KPI, sorted (highest share first, then by name). */
function chartRows(data: readonly BasisAgencyMetric[], kpi: Kpi): Datum[] {
  return data
    .map((m) => ({
      name: m.name,
      agencyKey: m.agencyKey,
      share: m.share[kpi],
      pct: (m.share[kpi] ?? 0) * 100,
      meets: m.meets[kpi],
      numerator: m[kpi],
      denominator: m.denominatorKpi[kpi],
    }))
    .sort((a, b) => (b.share ?? -1) - (a.share ?? -1) || a.name.localeCompare(b.name));
}

interface BarsProps {
  rows: Datum[];
  target: number;
  lang: Lang;
  kpiName: string;
  targetLabel: string;
  noDenLabel: string;
  openLabel: string;
  onSelect: Select;
}

/** The chart itself: drawn again only when one of its inputs changes (memo), not for every change of the view. */
const Bars = memo(function Bars({
  rows,
  target,
  lang,
  kpiName,
  targetLabel,
  noDenLabel,
  openLabel,
  onSelect,
}: BarsProps) {
  const maxPct = Math.max(100, target * 100, ...rows.map((r) => r.pct));
  const height = rows.length * ROW_HEIGHT + 56;
  return (
    <ResponsiveContainer width="100%" height={height} minWidth={640}>
      <BarChart data={rows} layout="vertical" margin={{ top: 22, right: 84, bottom: 4, left: 4 }}>
        <defs>
          <pattern
            id="miss-hatch"
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill={MISSES_COLOR} opacity="0.55" />
            <line x1="0" y1="0" x2="0" y2="6" stroke={MISSES_COLOR} strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} strokeDasharray="2 4" />
        <XAxis
          type="number"
          domain={[0, Math.ceil(maxPct / 10) * 10]}
          tickFormatter={(v: number) => formatPercent(v / 100, lang, 0)}
        />
        <YAxis type="category" dataKey="name" width={NAME_WIDTH} interval={0} tick={<NameTick />} />
        <Tooltip
          isAnimationActive={false}
          formatter={(_v, _n, item) => {
            const d = (item as { payload?: Datum }).payload;
            if (!d) return '';
            return d.share === null
              ? noDenLabel
              : `${formatShareVsTarget(d.share, target, lang)} (${formatRupiahShort(d.numerator, lang)} / ${formatRupiahShort(d.denominator, lang)})`;
          }}
        />
        <Bar
          dataKey="pct"
          name={kpiName}
          isAnimationActive={false}
          shape={(p: BarShapeProps) => (
            <AgencyBar
              {...p}
              noDenLabel={noDenLabel}
              onSelect={onSelect}
              openLabel={openLabel}
              target={target}
              lang={lang}
            />
          )}
        />
        <ReferenceLine
          x={target * 100}
          stroke="#111"
          strokeWidth={2}
          strokeDasharray="6 3"
          label={{ value: targetLabel, position: 'top', fontSize: 12, fill: '#111' }}
        />
      </BarChart>
    </ResponsiveContainer>
  );
});

/**
 * Horizontal bars of the chosen KPI per agency, sorted, with the target line and the basis written on it. A long
 * list scrolls inside the card. `actions`: tools (export menu) in the card's header.
 */
export function AgencyChart({ actions }: { actions?: ReactNode }) {
  const { t } = useTranslation();
  const scroll = useFitToViewport<HTMLDivElement>();
  const lang = useViewStore((s) => s.lang);
  const kpi = useViewStore((s) => s.kpi);
  const den = useViewStore((s) => s.denominator);
  const basis = useViewStore((s) => s.basis);
  const kpiTarget = useViewStore((s) => s.targets[kpi]);
  const select = useViewStore((s) => s.setSelectedAgency);
  const { data, isPlaceholderData } = useAgencyMetrics();
  // Only new data (or a new KPI) makes new bars: while the next answer is computed, the chart is not drawn again.
  const rows = useMemo(() => (data ? chartRows(data, kpi) : null), [data, kpi]);
  if (!data || !rows) return null;
  const shown = data[0]?.basis ?? basis;
  // Capaian is measured against the commitment itself: its reference line is 100 %.
  const target = shown === 'capaian' ? 1 : kpiTarget;
  const title = t(`basis.chartTitle_${shown}`, { kpi: t(`kpi.${kpi}`) });
  const targetLabel =
    shown === 'capaian' ? t('basis.reference') : t('chart.target', { target: formatPercent(target, lang) });
  const flag = kpi === 'pdn' ? 'PDN' : 'UKM';
  return (
    <section
      className="panel chart-panel"
      aria-labelledby="chart-title"
      data-testid="agency-chart"
      data-basis={shown}
      aria-busy={isPlaceholderData || shown !== basis}
    >
      <div className="card-head">
        <h2 id="chart-title">{title}</h2>
        {actions}
      </div>
      <p className="basis small" data-testid="chart-basis">
        {shown === 'komitmen'
          ? t('chart.basis', { flag, den: t(`den.short_${den}`) })
          : t(`basis.line_${shown}`, { kpi: t(`kpi.${kpi}`), flag, den: t(`den.short_${den}`) })}
      </p>
      <div className="legend small">
        <span aria-hidden="true">
          <span className="swatch swatch-meets" /> ✓ {t('chart.meets')}
          <span className="swatch swatch-misses" /> ✗ {t('chart.misses')}
          <span className="swatch-line" /> {targetLabel}
        </span>
        <span className="muted chart-hint">{t('drill.hint')}</span>
      </div>
      {rows.length === 0 ? (
        <p>{t('chart.empty')}</p>
      ) : (
        <div className="chart-scroll" data-testid="chart-scroll" ref={scroll}>
          <Bars
            rows={rows}
            target={target}
            lang={lang}
            kpiName={t(`kpi.${kpi}`)}
            targetLabel={targetLabel}
            noDenLabel={t('chart.noDen')}
            openLabel={t('basis.openRows', { name: '' }).trim()}
            onSelect={select}
          />
        </div>
      )}
    </section>
  );
}
