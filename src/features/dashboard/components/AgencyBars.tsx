import { memo, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { formatPercent, formatRupiahShort, formatShareVsTarget, type Lang } from '../../../lib/format';
import { MEETS_COLOR, MISSES_COLOR } from '../../../lib/palette';
import { xTicks } from '../lib/x-ticks';

/**
 * The agencies' horizontal bars, drawn as plain SVG. Recharts drew the same chart at a cost of ≈ 10 ms of the main
 * thread per view change on the sample (≈ 30 % of it: its store, selectors and some hundred components for two
 * dozen bars; bench/view-profile.ts); this draws it in one pass with the same geometry (a 24 px row, a 19 px bar,
 * a 280 px name axis, the x ticks Recharts chose) and the same look: the grid, the axes, the dashed target line
 * with its label, a tooltip with the agency's share and rupiah, and a highlighted row under the pointer.
 */

const ROW_HEIGHT = 24;
const NAME_WIDTH = 280;
/** About as many characters of a 12 px name as fit in NAME_WIDTH; longer names end in … with the full name in a title. */
const NAME_CHARS = 34;
const MARGIN = { top: 22, right: 84, bottom: 4, left: 4 };
/** The plot's left and top edges (the name axis and the target label above). */
const LEFT = MARGIN.left + NAME_WIDTH;
const TOP = MARGIN.top;
const X_AXIS_HEIGHT = 30;
const BAR_HEIGHT = 19;
const BAR_OFFSET = 2.4; // 10 % of the row above and below the bar
const MIN_WIDTH = 640;
const AXIS = '#666';
const GRID = '#ccc';

export interface Datum {
  name: string;
  agencyKey: string;
  pct: number;
  share: number | null;
  meets: boolean | null;
  numerator: number;
  denominator: number | null;
}

type Select = (agencyKey: string) => void;

function shortName(name: string, max = NAME_CHARS): string {
  return name.length > max ? `${name.slice(0, max - 1).trimEnd()}…` : name;
}

/** An agency name on the axis: cut to fit, the full name on hover (SVG title); the bar carries it for focus. */
function NameTick({ x, y, full }: { x: number; y: number; full: string }) {
  const short = shortName(full);
  return (
    <text x={x} y={y} dy={4} textAnchor="end" fontSize={12} fill="#1b1f24" data-testid="agency-tick">
      {short !== full && <title>{full}</title>}
      {short}
    </text>
  );
}

interface BarProps {
  x: number;
  y: number;
  width: number;
  d: Datum;
  index: number;
  noDenLabel: string;
  onSelect: Select;
  openLabel: string;
  target: number;
  lang: Lang;
  onFocusRow: (i: number | null) => void;
}

function AgencyBar({
  x,
  y,
  width,
  d,
  index,
  noDenLabel,
  onSelect,
  openLabel,
  target,
  lang,
  onFocusRow,
}: BarProps) {
  const height = BAR_HEIGHT;
  // A bar opens the agency's rows (click, Enter or Space): the drill-down total equals its numerator.
  const open = {
    role: 'button',
    tabIndex: 0,
    'aria-label': `${openLabel}: ${d.name}`,
    style: { cursor: 'pointer' },
    onClick: () => onSelect(d.agencyKey),
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(d.agencyKey);
      }
    },
    onFocus: () => onFocusRow(index),
    onBlur: () => onFocusRow(null),
  };
  if (d.share === null) {
    return (
      <text
        x={x + 4}
        y={y + height / 2}
        dominantBaseline="middle"
        className="no-den-label"
        data-testid="agency-noden"
        data-agency={d.agencyKey}
        data-value={d.numerator}
        {...open}
        // The accessible name starts with the visible text (WCAG 2.5.3, label in name).
        aria-label={`— ${noDenLabel} · ${openLabel}: ${d.name}`}
      >
        — {noDenLabel}
      </text>
    );
  }
  const fill = d.meets ? MEETS_COLOR : 'url(#miss-hatch)';
  return (
    <>
      <g
        data-testid="agency-bar"
        data-agency={d.agencyKey}
        data-share={d.share}
        data-value={d.numerator}
        data-meets={String(d.meets)}
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
          stroke={d.meets ? MEETS_COLOR : MISSES_COLOR}
        />
      </g>
      {/* The share at the bar's end (outside its button: not part of its name). */}
      {d.pct > 0 && (
        <text x={x + Math.max(width, 0) + 5} y={y + height / 2} dy="0.355em" fontSize={11} fill="#1b1f24">
          {formatShareVsTarget(d.pct / 100, target, lang)}
        </text>
      )}
    </>
  );
}

/** The width the chart is drawn at: its box's, at least MIN_WIDTH; measured before paint and on every resize. */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(MIN_WIDTH, Math.floor(el.clientWidth)));
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width] as const;
}

export interface BarsProps {
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
export const AgencyBars = memo(function AgencyBars(props: BarsProps) {
  const { rows, target, lang, kpiName, targetLabel, noDenLabel, openLabel, onSelect } = props;
  const [ref, width] = useWidth();
  // The row under the pointer (or focused), and where the tooltip goes.
  const [hover, setHover] = useState<{ i: number; x: number; y: number } | null>(null);
  const height = TOP + rows.length * ROW_HEIGHT + X_AXIS_HEIGHT + MARGIN.bottom;
  const plotW = Math.max(0, width - LEFT - MARGIN.right);
  const max = Math.ceil(Math.max(100, target * 100, ...rows.map((r) => r.pct)) / 10) * 10;

  // Everything but the hover: not drawn again when only the pointer moves.
  const plot = useMemo(() => {
    if (width === 0) return null;
    const bottom = TOP + rows.length * ROW_HEIGHT;
    const sx = (v: number) => LEFT + (v / max) * plotW;
    const ticks = xTicks(max);
    const focusRow = (i: number | null) =>
      setHover(i === null ? null : { i, x: LEFT + 8, y: TOP + i * ROW_HEIGHT + ROW_HEIGHT });
    const rowY = (i: number) => TOP + i * ROW_HEIGHT;
    const tx = sx(target * 100);
    return {
      grid: ticks.map((t) => (
        <line key={t} x1={sx(t)} y1={TOP} x2={sx(t)} y2={bottom} stroke={GRID} strokeDasharray="2 4" />
      )),
      bars: rows.map((d, i) => (
        <AgencyBar
          key={d.agencyKey}
          x={LEFT}
          y={rowY(i) + BAR_OFFSET}
          width={sx(d.pct) - LEFT}
          d={d}
          index={i}
          noDenLabel={noDenLabel}
          onSelect={onSelect}
          openLabel={openLabel}
          target={target}
          lang={lang}
          onFocusRow={focusRow}
        />
      )),
      front: (
        <>
          <g className="chart-target-line">
            <line x1={tx} y1={bottom} x2={tx} y2={TOP} stroke="#111" strokeWidth={2} strokeDasharray="6 3" />
          </g>
          <g className="chart-axis chart-x-axis">
            <line x1={LEFT} y1={bottom} x2={LEFT + plotW} y2={bottom} stroke={AXIS} />
            {ticks.map((t) => (
              <g key={t}>
                <line x1={sx(t)} y1={bottom + 6} x2={sx(t)} y2={bottom} stroke={AXIS} />
                <text x={sx(t)} y={bottom + 8} dy="0.71em" textAnchor="middle" fill={AXIS}>
                  {formatPercent(t / 100, lang, 0)}
                </text>
              </g>
            ))}
          </g>
          <g className="chart-axis chart-y-axis">
            <line x1={LEFT} y1={TOP} x2={LEFT} y2={bottom} stroke={AXIS} />
            {rows.map((d, i) => (
              <g key={d.agencyKey}>
                <line x1={LEFT - 6} y1={rowY(i) + 12} x2={LEFT} y2={rowY(i) + 12} stroke={AXIS} />
                <NameTick x={LEFT - 8} y={rowY(i) + 12} full={d.name} />
              </g>
            ))}
          </g>
          <text x={tx} y={TOP - 5} fontSize={12} textAnchor="middle" fill="#111">
            {targetLabel}
          </text>
        </>
      ),
    };
  }, [rows, width, plotW, max, target, lang, targetLabel, noDenLabel, openLabel, onSelect]);

  const onMove = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const i = Math.floor((y - TOP) / ROW_HEIGHT);
    if (x < LEFT || x > LEFT + plotW || i < 0 || i >= rows.length) setHover(null);
    else setHover({ i, x, y });
  };
  const tip = hover ? rows[hover.i] : undefined;
  return (
    <div className="agency-bars" ref={ref} style={{ height, minWidth: MIN_WIDTH }}>
      {plot && (
        <svg
          className="chart-surface"
          data-testid="agency-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(null)}
        >
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
          {plot.grid}
          {tip && hover && (
            <rect x={LEFT} y={TOP + hover.i * ROW_HEIGHT} width={plotW} height={ROW_HEIGHT} fill={GRID} />
          )}
          {plot.bars}
          {plot.front}
        </svg>
      )}
      {tip && hover && (
        <div
          className="chart-tip"
          data-testid="chart-tip"
          style={{
            transform: `translate(${hover.x + 10 + 260 > width ? Math.max(0, hover.x - 270) : hover.x + 10}px, ${hover.y + 10}px)`,
          }}
        >
          <p className="chart-tip-label">{tip.name}</p>
          <p className="chart-tip-item">
            {kpiName} :{' '}
            {tip.share === null
              ? noDenLabel
              : `${formatShareVsTarget(tip.share, target, lang)} (${formatRupiahShort(tip.numerator, lang)} / ${formatRupiahShort(tip.denominator, lang)})`}
          </p>
        </div>
      )}
    </div>
  );
});
