/**
 * `?bench` in the address the page was opened with (bench/): read once, when the app's modules load, because the
 * share link rewrites the address (without `?bench`) while the engine is still starting.
 */
export const BENCH_PAGE =
  typeof location !== 'undefined' && new URLSearchParams(location.search).has('bench');
