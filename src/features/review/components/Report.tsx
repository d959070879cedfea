import { Fragment, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  formatInt,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  formatShareVsTarget,
} from '../../../lib/format';
import { KPIS, type Kpi } from '../../../p3dn/metrics';
import { useDatasetStore } from '../../../stores/dataset-store';
import { leave } from '../../../stores/route-store';
import { useViewStore } from '../../../stores/view-store';
import {
  useComparisonAgencies,
  useMetode,
  useReviewAgencies,
  useReviewMeta,
  useReviewSummary,
} from '../api/get-review-data';
import { basisLine, basisText, filtersText, formatDate, rankAgencies, targetsText } from '../lib/tables';
import { sortAgencies } from '../../../p3dn/metrics';
import { ComparisonLegend, ComparisonTable, ComparisonTotals } from './Comparison';
import { MetodeChart, MetodeLegend, RankingChart, RankingLegend } from './Charts';
import { AgencyTableExport, MetodeExport, RankingChartExport } from './Exports';

/**
 * The printable report: A4 landscape pages (see review.css) for the browser's print dialog — title page with
 * sources and checksums, summary, one ranking chart per KPI, the agency table, the method breakdown and the
 * methodology. On screen it is a preview with a print button.
 */
export function Report() {
  const { t } = useTranslation();
  const lang = useViewStore((s) => s.lang);
  const den = useViewStore((s) => s.denominator);
  const targets = useViewStore((s) => s.targets);
  const kpi = useViewStore((s) => s.kpi);
  const sort = useViewStore((s) => s.sort);
  const basis = useViewStore((s) => s.basis);
  const filters = useViewStore((s) => s.filters);
  const source = useDatasetStore((s) => s.source);
  const { data: meta } = useReviewMeta();
  const { data: summary } = useReviewSummary();
  const { data: agencies } = useReviewAgencies();
  const { data: metode } = useMetode();
  const { data: comparison } = useComparisonAgencies();
  const ready = Boolean(meta && summary && agencies && metode && comparison);
  const cap = basis === 'capaian';
  const targetOf = (k: Kpi) => (cap ? 1 : targets[k]);
  const agencyName = (key: string) => agencies?.find((a) => a.agencyKey === key)?.name;

  useEffect(() => {
    const title = document.title;
    document.title = t('review.report.docTitle', { pemda: meta?.pemda ?? '' });
    return () => {
      document.title = title;
    };
  }, [t, meta?.pemda]);

  return (
    <div className="report" data-testid="report" data-ready={ready}>
      <div className="report-toolbar no-print">
        <button type="button" onClick={() => window.print()} data-testid="report-print">
          {t('review.report.print')}
        </button>
        <button type="button" onClick={() => leave()} data-testid="report-back">
          {t('review.report.back')}
        </button>
        <span className="muted small">{t('review.report.hint')}</span>
      </div>
      {meta && summary && agencies && metode && (
        <>
          <section className="report-page report-title-page" aria-labelledby="report-title">
            <p className="report-kicker">{t('app.title')}</p>
            <h1 id="report-title">{t(`review.report.title_${basis}`)}</h1>
            <p className="report-pemda" data-testid="report-pemda">
              {meta.pemda ?? '—'}
              {meta.year !== null && ` · ${t('dataset.fiscalYear', { year: meta.year })}`}
            </p>
            <p>{t('review.report.date', { date: formatDate(new Date(), lang) })}</p>
            {source === 'sample' && <p className="report-sample">{t('review.report.sampleNote')}</p>}
            <h2>{t('review.report.basisTitle')}</h2>
            <dl className="report-dl">
              <dt>{t('review.meta.basis')}</dt>
              <dd data-testid="report-basis">{basisText(basis, t)}</dd>
              <dt>{t('review.meta.denominator')}</dt>
              <dd>{t(`den.${den}`)}</dd>
              <dt>{t('review.meta.targets')}</dt>
              <dd>{targetsText(targets, t, lang)}</dd>
              <dt>{t('review.meta.filters')}</dt>
              <dd data-testid="report-filters">{filtersText(filters, t, agencyName)}</dd>
            </dl>
            <h2>{t('review.report.sources')}</h2>
            <table className="report-table report-sources">
              <thead>
                <tr>
                  <th scope="col">{t('review.report.file')}</th>
                  <th scope="col">{t('review.report.kind')}</th>
                  <th scope="col" className="num">
                    {t('review.report.rowsRead')}
                  </th>
                  <th scope="col" className="num">
                    {t('review.report.rowsCounted')}
                  </th>
                  <th scope="col" className="num">
                    {t('review.report.rowsExcluded')}
                  </th>
                  <th scope="col" className="num">
                    {t('review.report.rowsRejected')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {meta.files.map((f) => (
                  <Fragment key={f.name + f.kind}>
                    <tr className="source-row">
                      <th scope="row">{f.name}</th>
                      <td>
                        {t(`kind.${f.kind}`, {
                          defaultValue: t(`source.${f.kind}`, { defaultValue: f.kind }),
                        })}
                      </td>
                      <td className="num">{formatInt(f.read, lang)}</td>
                      <td className="num">{formatInt(f.loaded, lang)}</td>
                      <td className="num">{formatInt(f.excluded, lang)}</td>
                      <td className="num">{formatInt(f.rejected, lang)}</td>
                    </tr>
                    <tr className="source-hash">
                      <td colSpan={6} className="hash" data-testid="report-sha">
                        SHA-256: {f.sha256 ?? t('review.report.noChecksum')}
                      </td>
                    </tr>
                    {f.superseded > 0 && (
                      <tr className="source-hash">
                        <td colSpan={6} data-testid="report-superseded-rows">
                          {t('review.report.superseded', { n: formatInt(f.superseded, lang) })}
                        </td>
                      </tr>
                    )}
                    {f.apbdSets && (
                      <tr className="source-hash">
                        <td colSpan={6} data-testid="report-codeset">
                          {f.apbdSets.permendagri_13 > 0 && f.apbdSets.permendagri_90 > 0
                            ? t('importer.apbd.setMixed', {
                                n13: formatInt(f.apbdSets.permendagri_13, lang),
                                n90: formatInt(f.apbdSets.permendagri_90, lang),
                              })
                            : f.apbdSets.permendagri_13 > 0
                              ? t('importer.apbd.set_permendagri_13')
                              : f.apbdSets.permendagri_90 > 0
                                ? t('importer.apbd.set_permendagri_90')
                                : t('importer.apbd.setNone')}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          </section>

          <section className="report-page" aria-labelledby="report-summary">
            <h2 id="report-summary">{t('review.slides.summary')}</h2>
            <p className="basis" data-testid="report-summary-basis">
              {t('basis.shown', { basis: basisText(basis, t) })} · {t('review.meta.filters')}:{' '}
              {filtersText(filters, t, agencyName)}
            </p>
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">{t('review.meta.kpi')}</th>
                  <th scope="col" className="num">
                    {t(`review.report.value_${basis}`)}
                  </th>
                  <th scope="col" className="num">
                    {cap
                      ? t('review.report.denCapaian')
                      : t('cards.denominator', { den: t(`den.short_${den}`) })}
                  </th>
                  <th scope="col" className="num">
                    {t('table.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('review.meta.targets')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.gap')}
                  </th>
                  <th scope="col" className="num">
                    {t('review.report.meeting')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {KPIS.map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`kpi.${k}Long`)}</th>
                    <td className="num">{formatRupiah(summary.value[k], lang)}</td>
                    <td className="num">{formatRupiah(summary.denominatorKpi[k], lang)}</td>
                    <td className="num">{formatShareVsTarget(summary.share[k], targetOf(k), lang)}</td>
                    <td className="num">{formatPercent(targetOf(k), lang)}</td>
                    <td className="num">{formatRupiah(summary.gap[k], lang)}</td>
                    <td className="num">
                      {t('cards.meetingValue', {
                        n: summary.meeting[k],
                        m: summary.agenciesWithDenominatorKpi[k],
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {summary.agenciesWithDenominator < summary.agencies && (
              <p>
                {t('cards.noDen', {
                  count: summary.agencies - summary.agenciesWithDenominator,
                  value: formatRupiahShort(summary.valueWithoutDenominator.pdn, lang),
                  kpi: t('kpi.pdn'),
                })}
              </p>
            )}
          </section>

          {KPIS.map((k) => (
            <section className="report-page" key={k} aria-labelledby={`report-rank-${k}`}>
              <h2 id={`report-rank-${k}`}>{t(`basis.chartTitle_${basis}`, { kpi: t(`kpi.${k}`) })}</h2>
              <p className="basis">{basisLine(t, basis, k, den)}</p>
              <RankingLegend target={targetOf(k)} lang={lang} />
              <div className="no-print">
                <RankingChartExport kpi={k} svgTestId={`report-rank-${k}-svg`} />
              </div>
              <div className="report-chart">
                <RankingChart
                  rows={rankAgencies(agencies, k)}
                  kpi={k}
                  target={targetOf(k)}
                  lang={lang}
                  title={t(`basis.chartTitle_${basis}`, { kpi: t(`kpi.${k}`) })}
                  idPrefix={`report-rank-${k}`}
                  fontSize={11}
                />
              </div>
            </section>
          ))}

          <section className="report-page" aria-labelledby="report-agencies">
            <h2 id="report-agencies">
              {t('table.title')} · {t('basis.shown', { basis: t(`basis.${basis}`) })}
            </h2>
            <p className="basis">
              {t('review.report.tableBasis', {
                den: t(`den.short_${den}`),
                sort: t(`review.sort.${sort.key}`),
              })}
            </p>
            <div className="no-print">
              <AgencyTableExport testId="export-report-table" />
            </div>
            <table className="report-table report-agencies" data-testid="report-agency-table">
              <thead>
                <tr>
                  <th scope="col">{t('table.agency')}</th>
                  <th scope="col" className="num">
                    {t('table.packages')}
                  </th>
                  <th scope="col" className="num">
                    {t('table.denominator')}
                  </th>
                  {KPIS.map((k) => [
                    <th scope="col" className="num" key={`${k}-v`}>
                      {t(`basis.numerator_${basis}`, { kpi: t(`kpi.${k}`) })}
                    </th>,
                    <th scope="col" className="num" key={`${k}-s`}>
                      {cap
                        ? `${t('basis.capaianCol')} ${t(`kpi.${k}`)}`
                        : t('review.col.share', { kpi: t(`kpi.${k}`) })}
                    </th>,
                    <th scope="col" className="num" key={`${k}-g`}>
                      {t('review.col.gap', { kpi: t(`kpi.${k}`) })}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {sortAgencies(agencies, kpi, sort).map((m) => (
                  <tr key={m.agencyKey} data-agency={m.agencyKey}>
                    <th scope="row">{m.name}</th>
                    <td className="num">{formatInt(m.packages, lang)}</td>
                    <td className="num">{formatRupiahShort(m.denominator, lang)}</td>
                    {KPIS.map((k) => [
                      <td className="num" key={`${k}-v`}>
                        {formatRupiahShort(m[k], lang)}
                      </td>,
                      <td className="num" key={`${k}-s`}>
                        {m.meets[k] === null
                          ? t('table.noDen')
                          : `${m.meets[k] ? '✓' : '✗'} ${formatShareVsTarget(m.share[k], targetOf(k), lang)}`}
                      </td>,
                      <td className="num" key={`${k}-g`}>
                        {formatRupiahShort(m.gap[k], lang)}
                      </td>,
                    ])}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="report-page report-cmp" aria-labelledby="report-cmp">
            <h2 id="report-cmp">
              {t('review.slides.realisasi')} · {t(`kpi.${kpi}`)}
            </h2>
            <p className="basis">
              {t('review.cmp.basis', { kpi: t(`kpi.${kpi}`), den: t(`den.short_${den}`) })} ·{' '}
              {t('review.meta.filters')}: {filtersText(filters, t, agencyName)}
            </p>
            <ComparisonTotals kpi={kpi} />
            <ComparisonLegend kpi={kpi} target={targets[kpi]} />
            <ComparisonTable kpi={kpi} idPrefix="report-cmp" testId="report-cmp-table" />
          </section>

          <section className="report-page" aria-labelledby="report-metode">
            <h2 id="report-metode">{t('review.metode.title')}</h2>
            <p className="basis">{t('review.metode.basis')}</p>
            <p className="basis">
              {t('review.meta.filters')}: {filtersText(filters, t, agencyName)}. {t('filters.note')}
            </p>
            <MetodeLegend />
            <div className="no-print">
              <MetodeExport svgTestId="report-metode-svg" />
            </div>
            <div className="report-chart">
              <MetodeChart
                rows={metode}
                lang={lang}
                title={t('review.metode.title')}
                idPrefix="report-metode"
                fontSize={11}
              />
            </div>
          </section>

          <section className="report-page report-method" aria-labelledby="report-methodology">
            <h2 id="report-methodology">{t('review.method.title')}</h2>
            <ul>
              {(
                [
                  'counted',
                  'crossFile',
                  'numPdn',
                  'numUmk',
                  'den',
                  'share',
                  'meets',
                  'gap',
                  'overall',
                  'noDen',
                  'agency',
                  'metode',
                  'realisasi',
                  'capaian',
                  'filters',
                ] as const
              ).map((k) => (
                <li key={k}>{t(`review.method.${k}`)}</li>
              ))}
            </ul>
            <p className="muted">{t('review.method.exact')}</p>
          </section>
        </>
      )}
    </div>
  );
}
