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
export const WASM_INIT_SQL = [
  ...ENGINE_INIT_SQL,
  "SET memory_limit = '2.5GiB'",
  // The data lives in a compressed in-memory database, used as the default one: DuckDB's default in-memory
  // database keeps its tables uncompressed. Measured (bench/view-bench.ts, BENCHMARKS.md): 1M generated RUP
  // packages take 508 MB uncompressed and 18 MB compressed (generated data repeats more than real exports), and
  // without it the tab runs out of memory at 7M rows.
  "ATTACH ':memory:' AS pantau (COMPRESS)",
  'USE pantau',
];

/**
 * Run last, after every start-up setting (engine-specific ones included): no later statement, whatever its text,
 * can change the configuration (re-enable extension loading, lift the memory limit, …).
 */
export const ENGINE_LOCK_SQL = 'SET lock_configuration = true';
