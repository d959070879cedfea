import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { standaloneSvg, svgToPng, type ChartExportSpec } from '../lib/chart-export';
import { downloadText } from '../lib/csv';
import { downloadBlob } from '../lib/download';
import { fileStem, tableToCsv, tableToXlsx, type ExportTable } from '../lib/table-export';

export interface ChartExport {
  /** The chart's SVG element at the time of export. */
  svg: () => SVGSVGElement | null;
  spec: () => ChartExportSpec;
}

/** PNG/SVG buttons for a chart, CSV/XLSX buttons for a table. Files are made in the page; nothing is sent. */
export function ExportMenu({
  label,
  chart,
  table,
  testId,
}: {
  label: string;
  chart?: ChartExport;
  table?: () => ExportTable | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const run = (f: () => Promise<void>) => {
    setError(null);
    f().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const chartFile = (kind: 'png' | 'svg') =>
    run(async () => {
      const node = chart?.svg();
      if (!chart || !node) throw new Error(t('review.export.noChart'));
      const spec = chart.spec();
      const { svg, width, height } = standaloneSvg(node, spec);
      const name = `${fileStem(spec.title)}.${kind}`;
      if (kind === 'svg') downloadBlob(name, new Blob([svg], { type: 'image/svg+xml' }));
      else downloadBlob(name, await svgToPng(svg, width, height, 2));
    });
  const tableFile = (kind: 'csv' | 'xlsx') =>
    run(async () => {
      const data = table?.();
      if (!data) throw new Error(t('review.export.noTable'));
      const stem = fileStem(data.title);
      if (kind === 'csv') downloadText(`${stem}.csv`, tableToCsv(data));
      else downloadBlob(`${stem}.xlsx`, await tableToXlsx(data));
    });
  return (
    <div className="export-menu" role="group" aria-label={label} data-testid={testId}>
      <span className="export-label" aria-hidden="true">
        {t('review.export.label')}
      </span>
      {chart && (
        <>
          <button
            type="button"
            onClick={() => chartFile('png')}
            aria-label={`${label}: PNG`}
            data-export="png"
          >
            PNG
          </button>
          <button
            type="button"
            onClick={() => chartFile('svg')}
            aria-label={`${label}: SVG`}
            data-export="svg"
          >
            SVG
          </button>
        </>
      )}
      {table && (
        <>
          <button
            type="button"
            onClick={() => tableFile('csv')}
            aria-label={`${label}: CSV`}
            data-export="csv"
          >
            CSV
          </button>
          <button
            type="button"
            onClick={() => tableFile('xlsx')}
            aria-label={`${label}: XLSX`}
            data-export="xlsx"
          >
            XLSX
          </button>
        </>
      )}
      {error && (
        <span role="alert" className="export-error">
          {error}
        </span>
      )}
    </div>
  );
}
