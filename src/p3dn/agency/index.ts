/**
 * agency/: one agency register for the whole dataset, scoped by Pemda: every identity of every file kind matched
 * (SIRUP id / code → name → alias) into register agencies (register.ts), joined by the canonical views at the
 * source level (view-join.ts), the aliases, and `realisasi_x`.
 */
export {
  AGENCY_LIST_SQL,
  AGENCY_PEMDA_SQL,
  FILE_PEMDA_SQL,
  MATCH_PATHS,
  PEMDA_LIST_SQL,
  UNKNOWN_PEMDA,
  type MatchPath,
  type PemdaPath,
} from './dimension';
export { refreshRegister } from './register';
export { holdsAliases, refreshAgencyMap, writeAliases, type AliasEntry } from './realisasi-map';
