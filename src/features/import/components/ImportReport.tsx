import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInt, formatPercent, formatRupiahShort, type Lang } from '../../../lib/format';
import type { ImportNotice } from '../../../stores/dataset-store';
import { useViewStore } from '../../../stores/view-store';
import { downloadRejected } from '../api/import-files';
import { delimiterName } from '../lib/format-bytes';
import { ReadingNotes } from './ReadingNotes';
import { GENERIC_KIND, KIND_IDS } from '../../../p3dn/kinds';

/** One file's import report: what it was read as, and where every row went (the counts must add up). */
export function ImportReport({ notice }: { notice: ImportNotice }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  const [busy, setBusy] = useState(false);
  if (notice.type === 'error') {
    return (
      <li className="notice notice-error" role="alert" data-testid="import-error">
        <strong>{t('import.failedTitle', { name: notice.name })}</strong>
        <span>
          {' '}
          {t(`importer.error.${notice.code}`, {
            detail: notice.detail ?? '',
            kinds: KIND_IDS.map((k) => t(`importer.kind.${k}`)).join('; '),
          })}
        </span>
        <span> {t('import.unchanged')}</span>
      </li>
    );
  }
  const n = (v: number) => formatInt(v, lang);
  const rules = (rec: Record<string, number>) => Object.entries(rec).sort(([, a], [, b]) => b - a);
  const adds = notice.loaded + notice.excluded + notice.rejected === notice.read;
  return (
    <li className="notice notice-ok" data-testid="import-result" data-name={notice.name}>
      <strong>{notice.name}</strong>{' '}
      <span>
        {t('importer.detected', {
          kind: t(`importer.kind.${notice.kind}`),
          confidence: formatPercent(notice.confidence, lang, 0),
        })}
        {notice.variant && ` · ${t(`importer.variant_${notice.variant}`)}`}
      </span>
      <div data-testid="import-counts" className="report-line">
        {t('import.resultLine', {
          read: n(notice.read),
          loaded: n(notice.loaded),
          excluded: n(notice.excluded),
          rejected: n(notice.rejected),
        })}
      </div>
      <div className="report-grid">
        {notice.excluded > 0 && (
          <div>
            <span className="muted">{t('importer.report.excluded')}</span>
            <ul data-testid="report-excluded">
              {rules(notice.excludedByRule).map(([k, v]) => (
                <li key={k} data-rule={k}>
                  {t(`importer.rule.${k}`)}: {n(v)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {notice.rejected > 0 && (
          <div>
            <span className="muted">{t('importer.report.rejected')}</span>
            <ul data-testid="report-rejected">
              {rules(notice.rejectedByReason).map(([k, v]) => (
                <li key={k} data-rule={k}>
                  {t(`importer.rule.${k}`)}: {n(v)}
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <div className="small" data-testid="report-check">
        {adds ? '✓ ' : '✗ '}
        {t('importer.report.check', {
          read: n(notice.read),
          loaded: n(notice.loaded),
          excluded: n(notice.excluded),
          rejected: n(notice.rejected),
        })}
      </div>
      {notice.mode && (
        <div className="small" data-testid="report-mode">
          {t(`importer.report.mode_${notice.mode}`, { count: notice.replaced })}
        </div>
      )}
      {notice.encoding && (
        <div className="small muted">
          {t('importer.report.format', {
            format: notice.encoding,
            delimiter: delimiterName(notice.delimiter ?? ','),
          })}
        </div>
      )}
      {notice.kind === GENERIC_KIND && (
        <>
          <div className="small" data-testid="report-generic">
            {t('importer.note.generik')}
          </div>
          {notice.mapping && (
            <div className="small muted" data-testid="report-mapping">
              {t('importer.report.mapping', {
                mapping: Object.entries(notice.mapping)
                  .map(([col, header]) => `${col} ← ${header}`)
                  .join(' · '),
              })}
            </div>
          )}
        </>
      )}
      <ReadingNotes notice={notice} />
      {notice.apbd && <ApbdLines apbd={notice.apbd} />}
      {(notice.notes ?? []).map((k) => (
        <div className="small muted" key={k}>
          {t(`importer.note.${k}`)}
        </div>
      ))}
      {notice.rejected > 0 && notice.fileId !== undefined && (
        <button
          type="button"
          className="link-button"
          data-testid="download-rejected"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void downloadRejected(
              notice.fileId!,
              notice.name,
              ['line', 'column', 'value', 'reason', 'detail'].map((h) => t(`importer.csv.${h}`)),
              (code) => t(`importer.rule.${code}`),
            ).finally(() => setBusy(false));
          }}
        >
          {t('importer.report.download')}
        </button>
      )}
    </li>
  );
}

type Apbd = NonNullable<Extract<ImportNotice, { type: 'result' }>['apbd']>;

/**
 * An APBD file's account code set (Permendagri 90/2019, or the older 13/2006 of SIMDA, where 5.2.2 is barang &
 * jasa and 5.2.3 modal) and what it holds per spending group, so the user sees how the accounts were read.
 */
function ApbdLines({ apbd }: { apbd: Apbd }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  const sets = (['permendagri_13', 'permendagri_90'] as const).filter((s) => apbd.codeSets[s] > 0);
  return (
    <div className="small" data-testid="report-apbd">
      <div data-testid="report-apbd-codeset" data-sets={sets.join(' ')}>
        {sets.length === 0
          ? t('importer.apbd.setNone')
          : sets.length === 2
            ? t('importer.apbd.setMixed', {
                n13: formatInt(apbd.codeSets.permendagri_13, lang),
                n90: formatInt(apbd.codeSets.permendagri_90, lang),
              })
            : t(`importer.apbd.set_${sets[0]!}`)}
      </div>
      <ul className="apbd-groups">
        {(['barang_jasa', 'modal'] as const).map((g) => {
          const v = apbd.groups[g] ?? { n: 0, anggaran: null, realisasi: null };
          return (
            <li key={g} data-group={g} data-anggaran={v.anggaran ?? ''} data-realisasi={v.realisasi ?? ''}>
              {t('importer.apbd.group', {
                group: t(`importer.apbd.group_${g}`),
                n: formatInt(v.n, lang),
                anggaran: formatRupiahShort(v.anggaran, lang),
                realisasi: formatRupiahShort(v.realisasi, lang),
              })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
