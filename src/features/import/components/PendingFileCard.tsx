import { useTranslation } from 'react-i18next';
import { formatPercent, type Lang } from '../../../lib/format';
import { GENERIC_KIND, KINDS, KIND_IDS, isKindId, type KindId } from '../../../p3dn/kinds';
import { composedColumns, mapColumns, type Composed } from '../../../p3dn/import';
import { useViewStore } from '../../../stores/view-store';
import { applicableMapping, rememberMapping } from '../lib/mapping-memory';
import { delimiterName, formatBytes } from '../lib/format-bytes';
import { missingMappings, usePendingStore, type PendingFile } from '../lib/pending';

const PREVIEW_ROWS = 5;
/** The mapping choice "composed from several columns" (SIMDA's Kd_Rek_1..Kd_Rek_5): no header has this name. */
const COMPOSED = '\u0000composed';

/** One file waiting for import: what it was detected as, its first rows, and the column mapping to correct. */
export function PendingFileCard({ file }: { file: PendingFile }) {
  const { t } = useTranslation();
  const lang: Lang = useViewStore((s) => s.lang);
  const update = usePendingStore((s) => s.update);
  const remove = usePendingStore((s) => s.remove);
  const headers = file.sniff.headers;
  const kindId = `kind-${file.key}`;
  const detected = file.detection.kind;
  const conf = file.detection.ranking.find((r) => r.kind === file.kind)?.confidence ?? 0;

  const setKind = (value: string) => {
    const kind: KindId | null = isKindId(value) ? value : null;
    update(file.key, { kind, mapping: kind ? applicableMapping(kind, headers) : {} });
  };
  const auto = file.kind ? mapColumns(KINDS[file.kind], headers) : new Map<string, number>();
  const effective = file.kind ? mapColumns(KINDS[file.kind], headers, file.mapping) : auto;
  // Columns the chosen kind cannot do without: the file is not loadable until each is mapped.
  const missing = missingMappings(file);
  // Required column -> the other columns that would do instead (an either-or group), for the table's labels.
  const required = new Map<string, readonly string[]>(
    (file.kind ? (KINDS[file.kind].required ?? []) : []).flatMap((r) =>
      typeof r === 'string' ? [[r, []]] : r.map((c): [string, string[]] => [c, r.filter((x) => x !== c)]),
    ),
  );
  const orWord = ` ${t('importer.or')} `;
  const unmapped = new Set(missing.flat());
  // For a generic proposal, the known kind that came closest (the user may prefer it).
  const nearest =
    detected === GENERIC_KIND
      ? file.detection.ranking.find((r) => r.kind !== GENERIC_KIND && r.confidence >= 0.5)
      : undefined;
  const composed = file.kind
    ? composedColumns(KINDS[file.kind], headers, file.mapping)
    : new Map<string, Composed>();
  const possible = file.kind ? composedColumns(KINDS[file.kind], headers) : new Map<string, Composed>();
  const setMapping = (column: string, value: string) => {
    if (!file.kind) return;
    if (value === COMPOSED) {
      const rest = Object.fromEntries(Object.entries(file.mapping).filter(([k]) => k !== column));
      update(file.key, { mapping: rest });
      return;
    }
    const header = value === '' ? null : value;
    rememberMapping(file.kind, column, header);
    update(file.key, { mapping: { ...file.mapping, [column]: header } });
  };

  return (
    <li
      className="pending-file"
      data-testid="pending-file"
      data-name={file.name}
      data-kind={file.kind ?? ''}
      data-blocked={missing.length > 0 ? 'true' : 'false'}
    >
      <div className="pending-head">
        <strong>{file.name}</strong>{' '}
        <span className="muted small">
          {t('importer.fileFacts', {
            size: formatBytes(file.size, lang),
            format: file.format === 'csv' ? file.sniff.encoding.toUpperCase() : file.format,
            delimiter: delimiterName(file.sniff.delimiter),
          })}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => remove(file.key)}
          aria-label={t('importer.removeFile', { name: file.name })}
        >
          ✕
        </button>
      </div>
      <p
        data-testid="pending-detection"
        data-detected={detected ?? ''}
        className={!detected ? 'notice-error-text' : detected === GENERIC_KIND ? 'notice-warn-text' : ''}
      >
        {!detected
          ? `⚠ ${t('importer.notRecognised')}`
          : detected === GENERIC_KIND
            ? `⚠ ${t('importer.proposedGeneric', {
                kind: t(`importer.kind.${detected}`),
                confidence: formatPercent(file.detection.confidence, lang, 0),
              })}`
            : t('importer.detected', {
                kind: t(`importer.kind.${detected}`),
                confidence: formatPercent(file.detection.confidence, lang, 0),
              })}
        {file.detection.variant && ` · ${t(`importer.variant_${file.detection.variant}`)}`}
        {nearest &&
          ` ${t('importer.nearest', {
            kind: t(`importer.kind.${nearest.kind}`),
            confidence: formatPercent(nearest.confidence, lang, 0),
          })}`}
      </p>
      <label htmlFor={kindId}>{t('importer.kindLabel')}</label>{' '}
      <select
        id={kindId}
        data-testid="kind-select"
        value={file.kind ?? ''}
        onChange={(e) => setKind(e.target.value)}
      >
        <option value="">—</option>
        {KIND_IDS.map((k) => (
          <option key={k} value={k}>
            {t(`importer.kind.${k}`)}
          </option>
        ))}
      </select>
      {file.kind && file.kind !== detected && (
        <span className="muted small"> ({formatPercent(conf, lang, 0)})</span>
      )}
      {missing.length > 0 && (
        <p className="notice-error-text" role="alert" data-testid="missing-required">
          ⚠{' '}
          {t('importer.missingRequired', {
            columns: missing.map((m) => (typeof m === 'string' ? m : m.join(orWord))).join('; '),
          })}
        </p>
      )}
      <details className="pending-preview">
        <summary>{t('importer.preview')}</summary>
        <div className="table-scroll">
          <table className="preview-table">
            <thead>
              <tr>
                {headers.map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {file.sniff.preview.slice(0, PREVIEW_ROWS).map((r, i) => (
                <tr key={i}>
                  {headers.map((_, j) => (
                    <td key={j}>{r[j] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      {file.kind && (
        <details
          className="pending-mapping"
          open={!detected || file.kind !== detected || file.kind === GENERIC_KIND || missing.length > 0}
        >
          <summary>{t('importer.mapping')}</summary>
          <table className="mapping-table" data-testid="mapping-table">
            <thead>
              <tr>
                <th scope="col">{t('importer.mappingColumn')}</th>
                <th scope="col">{t('importer.mappingSource')}</th>
              </tr>
            </thead>
            <tbody>
              {KINDS[file.kind].columns.map((c) => {
                const i = effective.get(c.name);
                const parts = composed.get(c.name);
                const canCompose = possible.get(c.name);
                const id = `map-${file.key}-${c.name}`;
                const changed = Object.hasOwn(file.mapping, c.name) && auto.get(c.name) !== i;
                const isMissing = unmapped.has(c.name);
                return (
                  <tr
                    key={c.name}
                    data-column={c.name}
                    data-missing={isMissing ? 'true' : undefined}
                    className={isMissing ? 'mapping-missing' : undefined}
                  >
                    <td>
                      <label htmlFor={id}>{c.name}</label>
                      {required.has(c.name) && (
                        <span className="small">
                          {' '}
                          ({isMissing ? '⚠ ' : ''}
                          {required.get(c.name)!.length
                            ? t('importer.requiredEither', { other: required.get(c.name)!.join(orWord) })
                            : t('importer.required')}
                          )
                        </span>
                      )}
                      {changed && <span className="muted small"> ✎</span>}
                    </td>
                    <td>
                      <select
                        id={id}
                        aria-invalid={isMissing || undefined}
                        aria-label={t('importer.mappingFor', { column: c.name })}
                        value={parts ? COMPOSED : i === undefined ? '' : (headers[i] ?? '')}
                        onChange={(e) => setMapping(c.name, e.target.value)}
                        data-composed={parts ? parts.index.map((j) => headers[j]).join(' + ') : undefined}
                      >
                        <option value="">{t('importer.notInFile')}</option>
                        {canCompose && (
                          <option value={COMPOSED}>
                            {t('importer.composedFrom', {
                              columns: canCompose.index.map((j) => headers[j]).join(' + '),
                            })}
                          </option>
                        )}
                        {headers.map((h, j) => (
                          <option key={j} value={h}>
                            {h === '' ? `#${j + 1}` : h}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="muted small">{t('importer.remembered')}</p>
        </details>
      )}
    </li>
  );
}
