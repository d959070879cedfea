/** The physical line count of a file, our own (never DuckDB's reader): a module of its own for the hash worker. */

/**
 * Counts a file's lines chunk by chunk, as DuckDB's CSV reader sees them: one per line feed, plus a last line
 * without one. The importer compares it with the records it read to know that no record spans several lines.
 */
export class LineCounter {
  private feeds = 0;
  private last = -1;

  add(chunk: Uint8Array): void {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) this.feeds++;
    if (chunk.length > 0) this.last = chunk[chunk.length - 1]!;
  }

  get lines(): number {
    return this.feeds + (this.last !== -1 && this.last !== 10 ? 1 : 0);
  }
}

export function countLines(bytes: Uint8Array): number {
  const c = new LineCounter();
  c.add(bytes);
  return c.lines;
}
