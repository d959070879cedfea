import { num, text } from '../../engine/cells';
import type { Engine } from '../../engine/types';

/** The rejected rows of a loaded file, for the report and its CSV download. */
export async function rejectedRows(engine: Engine, fileId: number, limit = 100_000) {
  const rows = await engine.query(
    `SELECT line, column_name, value, reason, detail FROM import_reject WHERE file_id = ? ORDER BY line LIMIT ?`,
    [fileId, limit],
  );
  return rows.map((r) => ({
    line: num(r['line']),
    column: text(r['column_name']),
    value: text(r['value']),
    reason: String(r['reason']),
    detail: text(r['detail']),
  }));
}
