/** Settings every engine runs at start: offline, deterministic, no extension downloads. */
export const ENGINE_INIT_SQL = [
  'SET autoload_known_extensions = false',
  'SET autoinstall_known_extensions = false',
];

/**
 * The two DuckDB-wasm engines only (the native engine takes its limit from the command line and spills to disk):
 * DuckDB-wasm has at most 4 GiB of linear memory and DuckDB's default limit is 80 % of it (3.1 GiB); the
 * allocations DuckDB does not count (string heaps, wasm stacks, the bindings' buffers) then trap the wasm before
 * DuckDB can refuse. Below it, a query that needs too much fails with DuckDB's own "Out of Memory Error" and the
 * engine stays usable.
 */
export const WASM_INIT_SQL = [...ENGINE_INIT_SQL, "SET memory_limit = '2.5GiB'"];
// Not used: a compressed in-memory database (`ATTACH ':memory:' (COMPRESS)`, `USE`). It holds 10× more generated
// rows (10M in the tab), but makes every import ≈ 1.8× slower (100 MB: 1.97 → 3.54 × the bare read) and does not
// lower a single file's peak (its rows stay uncompressed until the load commits). The browser is for a Pemda's
// exports; province- and nation-sized data is the CLI's (BENCHMARKS.md).

/**
 * Run last, after every start-up setting (engine-specific ones included): no later statement, whatever its text,
 * can change the configuration (re-enable extension loading, lift the memory limit, …).
 */
export const ENGINE_LOCK_SQL = 'SET lock_configuration = true';
