import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiahShort, formatShareVsTarget, formatPercent, type Lang } from '../../../lib/format';
import type { MetodeRow } from '../../../p3dn/metrics';
import { MEETS_COLOR, MISSES_COLOR, TOTAL_COLOR, UMK_COLOR } from '../../../lib/palette';
import type { AgencyMetric, Kpi } from '../../../p3dn/metrics';

function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill={MISSES_COLOR} opacity="0.55" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={MISSES_COLOR} strokeWidth="3" />
      </pattern>
    </defs>
  );
}

/**
 * The frame every review chart is drawn in: a scalable SVG with its title (read by screen readers and kept in an
 * exported file) on a white background, so a PNG or SVG export looks as it does on screen.
 */
function ChartSvg(props: {
  width: number;
  height: number;
  title: string;
  idPrefix: string;
  children: ReactNode;
}) {
  const { width, height, title, idPrefix, children } = props;
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={title}
      className="review-chart"
      data-testid={`${idPrefix}-svg`}
      fontFamily="system-ui, 'Segoe UI', Roboto, 'Noto Sans', sans-serif"
    >
      <title>{title}</title>
      <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
}

/**
 * Agencies ranked by share against the target line: pure SVG with a viewBox, so it scales to a slide or an A4
 * page and exports as it is drawn. Meets: solid blue and ✓; misses: hatched vermillion and ✗.
 */
export function RankingChart({
  rows,
  kpi,
  target,
  lang,
  title,
  idPrefix,
  fontSize = 12,
}: {
  rows: readonly AgencyMetric[];
  kpi: Kpi;
  target: number;
  lang: Lang;
  title: string;
  idPrefix: string;
  fontSize?: number;
}) {
  const { t } = useTranslation();
  const rowH = Math.round(fontSize * 1.9);
  const nameW = Math.round(fontSize * 28);
  const barW = 560;
  const labelW = Math.round(fontSize * 8);
  const top = fontSize * 2 + 8;
  const width = nameW + barW + labelW + 16;
  const height = top + rows.length * rowH + fontSize * 2;
  const maxShare = Math.max(1, target, ...rows.map((r) => r.share[kpi] ?? 0));
  const scale = (s: number) => (s / maxShare) * barW;
  const hatch = `${idPrefix}-hatch`;
  const tx = nameW + scale(target);
  return (
    <ChartSvg width={width} height={height} title={title} idPrefix={idPrefix}>
      <Hatch id={hatch} />
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <g key={f}>
          <line
            x1={nameW + f * barW}
            x2={nameW + f * barW}
            y1={top - 4}
            y2={top + rows.length * rowH}
            stroke="#d8dde3"
            strokeDasharray="2 4"
          />
          <text
            x={nameW + f * barW}
            y={top + rows.length * rowH + fontSize + 4}
            fontSize={fontSize * 0.9}
            textAnchor="middle"
            fill="#3d4651"
          >
            {formatPercent(f * maxShare, lang, 0)}
          </text>
        </g>
      ))}
      {rows.map((m, i) => {
        const y = top + i * rowH;
        const share = m.share[kpi];
        const meets = m.meets[kpi];
        return (
          <g key={m.agencyKey} data-agency={m.agencyKey} data-meets={String(meets)}>
            <text
              x={nameW - 8}
              y={y + rowH / 2}
              fontSize={fontSize}
              textAnchor="end"
              dominantBaseline="middle"
              fill="#1b1f24"
            >
              {m.name.length > 44 ? `${m.name.slice(0, 43)}…` : m.name}
            </text>
            {share === null ? (
              <text
                x={nameW + 4}
                y={y + rowH / 2}
                fontSize={fontSize * 0.9}
                dominantBaseline="middle"
                fill="#3d4651"
                fontStyle="italic"
              >
                — {t('chart.noDen')}
              </text>
            ) : (
              <>
                <rect
                  x={nameW}
                  y={y + rowH * 0.15}
                  width={Math.max(scale(share), 1)}
                  height={rowH * 0.7}
                  fill={meets ? MEETS_COLOR : `url(#${hatch})`}
                  stroke={meets ? MEETS_COLOR : MISSES_COLOR}
                />
              </>
            )}
          </g>
        );
      })}
      {/* The target line over the bars, under the value labels (drawn last, with a white halo). */}
      <line
        x1={tx}
        x2={tx}
        y1={top - 6}
        y2={top + rows.length * rowH}
        stroke="#111"
        strokeWidth={2}
        strokeDasharray="6 3"
      />
      {rows.map((m, i) => {
        const share = m.share[kpi];
        if (share === null) return null;
        return (
          <text
            key={m.agencyKey}
            x={nameW + scale(share) + 6}
            y={top + i * rowH + rowH / 2}
            fontSize={fontSize * 0.95}
            dominantBaseline="middle"
            fill="#1b1f24"
            stroke="#ffffff"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {m.meets[kpi] ? '✓' : '✗'} {formatShareVsTarget(share, target, lang)}
          </text>
        );
      })}
      <text x={tx} y={top - 10} fontSize={fontSize} textAnchor="middle" fill="#111" fontWeight={600}>
        {t('chart.target', { target: formatPercent(target, lang) })}
      </text>
    </ChartSvg>
  );
}

export function RankingLegend({ target, lang }: { target: number; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <div className="legend">
      <span className="swatch swatch-meets" /> ✓ {t('chart.meets')}
      <span className="swatch swatch-misses" /> ✗ {t('chart.misses')}
      <span className="swatch-line" /> {t('chart.target', { target: formatPercent(target, lang) })}
    </div>
  );
}

/** Komitmen pagu per procurement method, with its PDN and UMK-K parts, as three bars per method. */
export function MetodeChart({
  rows,
  lang,
  title,
  idPrefix,
  fontSize = 12,
}: {
  rows: readonly MetodeRow[];
  lang: Lang;
  title: string;
  idPrefix: string;
  fontSize?: number;
}) {
  const { t } = useTranslation();
  const barH = Math.round(fontSize * 0.95);
  const groupH = barH * 3 + fontSize;
  const nameW = Math.round(fontSize * 16);
  const barW = 560;
  const labelW = Math.round(fontSize * 10);
  const width = nameW + barW + labelW;
  const height = rows.length * groupH + 8;
  const max = Math.max(1, ...rows.map((r) => r.pagu));
  const scale = (v: number) => (v / max) * barW;
  const bars = [
    { key: 'pagu', color: TOTAL_COLOR, label: t('review.metode.pagu') },
    { key: 'pdn', color: MEETS_COLOR, label: t('kpi.pdn') },
    { key: 'umk', color: UMK_COLOR, label: t('kpi.umk') },
  ] as const;
  return (
    <ChartSvg width={width} height={height} title={title} idPrefix={idPrefix}>
      {rows.map((r, i) => {
        const y = 4 + i * groupH;
        return (
          <g key={r.metode ?? '∅'}>
            <text
              x={nameW - 8}
              y={y + (barH * 3) / 2}
              fontSize={fontSize}
              textAnchor="end"
              dominantBaseline="middle"
              fill="#1b1f24"
            >
              {r.metode ?? t('review.metode.none')}
            </text>
            {bars.map((b, j) => {
              const v = r[b.key];
              return (
                <g key={b.key}>
                  <title>{`${r.metode ?? t('review.metode.none')} · ${b.label}: ${formatRupiahShort(v, lang)}`}</title>
                  <rect
                    x={nameW}
                    y={y + j * barH}
                    width={Math.max(scale(v), v > 0 ? 1 : 0)}
                    height={barH - 2}
                    fill={b.color}
                  />
                  <text
                    x={nameW + scale(v) + 6}
                    y={y + j * barH + barH / 2}
                    fontSize={fontSize * 0.8}
                    dominantBaseline="middle"
                    fill="#1b1f24"
                  >
                    {formatRupiahShort(v, lang)}
                    {b.key !== 'pagu' && r.pagu > 0 ? ` (${formatPercent(v / r.pagu, lang)})` : ''}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </ChartSvg>
  );
}

export function MetodeLegend() {
  const { t } = useTranslation();
  return (
    <div className="legend">
      <span className="swatch" style={{ background: TOTAL_COLOR }} /> {t('review.metode.pagu')}
      <span className="swatch swatch-meets" /> {t('review.metode.partPdn')}
      <span className="swatch" style={{ background: UMK_COLOR }} /> {t('review.metode.partUmk')}
    </div>
  );
}
