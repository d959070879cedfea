import { REGISTER_TABLES } from '../agency/dimension';
import { CUBE_BUILD_SQL } from '../metrics/cube';

/**
 * The derived tables: what the import's finish step makes again from the loaded rows and the user's aliases — the
 * agency register (rebuilt by every register refresh, ../agency/register.ts) and every aggregate cube (read off the
 * cube build's own statements, ../metrics/cube.ts: a cube added there is derived here without a word). Every other
 * table of the main schema holds what the user loaded (the files, their own tables, rejects, exclusions, copies
 * superseded, aliases) and cannot be made again. The one list the snapshot (../persist/snapshot.ts) and the tests
 * use.
 */
export const DERIVED_TABLES: readonly string[] = [
  ...REGISTER_TABLES,
  ...new Set(
    CUBE_BUILD_SQL.flatMap((s) =>
      [...s.matchAll(/\bCREATE\s+(?:OR\s+REPLACE\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?"?(\w+)/gi)].map(
        (m) => m[1]!,
      ),
    ),
  ),
];

export function isDerivedTable(name: string): boolean {
  return DERIVED_TABLES.includes(name);
}
