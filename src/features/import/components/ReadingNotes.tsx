import { useTranslation } from 'react-i18next';
import { formatInt, type Lang } from '../../../lib/format';
import type { ImportNotice } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';
import { KINDS, type KindId } from '../../../p3dn/kinds';

type Result = Extract<ImportNotice, { type: 'result' }>;

/**
 * How the file was read: each money column's number format, rows counted once across files, and the
 * physical-line check (lines swallowed by an unclosed quote and read again, blank lines, lines nothing explains).
 */
export function ReadingNotes({ notice }: { notice: Result }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  const n = (v: number) => formatInt(v, lang);
  const lc = notice.lineCheck;
  const formats = Object.entries(notice.numberFormats ?? {}).filter(([, f]) => f !== 'plain');
  // A budget export's rows count once per agency and year; a plan's or a transaction's per package / key.
  const per = KINDS[notice.kind as KindId]?.crossFile === 'agency' ? '_agency' : '';
  return (
    <>
      {notice.replacedBy && (
        <div className="small" data-testid="report-replaced-by" role="status">
          {t('importer.report.replacedBy', { name: notice.replacedBy })}
        </div>
      )}
      {(notice.warnings ?? []).map((w) => (
        <div className="small" key={w} data-testid="report-warning" role="status">
          ⚠ {t(`importer.warning.${w}`)}
        </div>
      ))}
      {formats.map(([column, f]) => (
        <div className="small muted" key={column} data-testid="report-number-format" data-format={f}>
          {t('importer.report.numberFormat', { column, format: t(`importer.report.numberFormat_${f}`) })}
        </div>
      ))}
      {lc?.swallowed.map((s) => (
        <div className="small" key={s.from} data-testid="report-unclosed" role="status">
          {t('importer.report.unclosed', {
            line: n(s.from - 1),
            from: n(s.from),
            to: n(s.to),
            recovered: n(s.recovered),
          })}
        </div>
      ))}
      {lc && lc.blank > 0 && (
        <div className="small muted" data-testid="report-blank">
          {t('importer.report.blankLines', { count: lc.blank })}
        </div>
      )}
      {notice.crossFile?.lostTo.map((x) => (
        <div className="small" key={`l${x.fileId}`} data-testid="report-lost-to">
          {t(`importer.report.lostTo${per}`, { n: n(x.n), name: x.name })}
        </div>
      ))}
      {notice.crossFile?.superseded.map((x) => (
        <div className="small" key={`s${x.fileId}`} data-testid="report-superseded">
          {t(`importer.report.superseded${per}`, { n: n(x.n), name: x.name })}
        </div>
      ))}
      {lc && lc.unexplained !== 0 && lc.physical !== null && (
        <div className="small" data-testid="report-unexplained">
          {t('importer.report.unexplained', { count: lc.unexplained, physical: n(lc.physical) })}
        </div>
      )}
    </>
  );
}
