/**
 * agency/: one agency identity across files: the SIRUP agency dimension and its unambiguous code/name maps,
 * the materialised map of transaction agencies onto it (kode → nama → alias), the aliases, and `realisasi_x`.
 */
export { AGENCY_LIST_SQL, MATCH_PATHS, type MatchPath } from './dimension';
export { pruneRealisasi, refreshAgencyMap, writeAliases, type AliasEntry } from './realisasi-map';
