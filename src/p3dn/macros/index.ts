/**
 * macros/: the DuckDB macros (`p3dn_*`) that parse the cells of real exports (money, dates, codes, flags,
 * account codes) and normalise agency codes and names. Created once per engine, first, by the schema bootstrap.
 */
import { AGENCY_MACROS_SQL } from './agency-names';
import { APBD_MACROS_SQL, MACROS_SQL } from './parse';

/** Every macro, in dependency order (agency names use p3dn_blank, APBD segments use p3dn_code). */
export const ALL_MACROS_SQL = [MACROS_SQL, APBD_MACROS_SQL, AGENCY_MACROS_SQL].join('\n');
