import Papa from 'papaparse';

export type CsvEncoding = 'utf-8' | 'latin-1';

export interface CsvHead {
  encoding: CsvEncoding;
  delimiter: string;
  headers: string[];
  /** Up to 20 data rows as read, for previews. */
  preview: string[][];
}

export type SniffError = 'kosong' | 'biner' | 'tanpa_header';

/** How many bytes of a file we look at to sniff it. The rest stays on disk. */
export const HEAD_BYTES = 256 * 1024;

/**
 * Read the head of a CSV/TSV file: encoding (UTF-8 unless the bytes are not valid UTF-8, then Windows-1252 /
 * latin-1), delimiter (`,` `;` tab `|`), header row and a few rows. Pure: works on bytes, never on the whole file.
 */
export function sniffCsvHead(head: Uint8Array): CsvHead | { error: SniffError } {
  if (head.length === 0) return { error: 'kosong' };
  const probe = head.subarray(0, Math.min(head.length, 8192));
  if (probe.includes(0)) return { error: 'biner' };
  let text: string;
  let encoding: CsvEncoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    encoding = 'latin-1';
    text = new TextDecoder('windows-1252').decode(head);
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { error: 'kosong' };
  // Drop a possibly cut last line so the sniffer sees whole records only.
  const lastNl = text.lastIndexOf('\n');
  if (lastNl > 0 && head.length >= HEAD_BYTES) text = text.slice(0, lastNl);
  const parsed = Papa.parse<string[]>(text, {
    preview: 21,
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: true,
  });
  const [headers, ...preview] = parsed.data;
  if (!headers || headers.length < 2 || headers.every((h) => h.trim() === ''))
    return { error: 'tanpa_header' };
  return { encoding, delimiter: parsed.meta.delimiter, headers, preview };
}

/**
 * Windows-1252 bytes (Excel's "CSV" on an Indonesian PC) to UTF-8. Single-byte, so safe chunk by chunk: callers
 * transcode a large file slice by slice (DuckDB's own latin-1 reader refuses the bytes 0x80-0x9F).
 */
export function cp1252ToUtf8(bytes: Uint8Array): Uint8Array {
  // Decoded as latin-1, then 0x80-0x9F mapped by hand: some runtimes (Node without full ICU) treat the
  // `windows-1252` label as plain latin-1.
  const text = new TextDecoder('latin1').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => {
    const i = CP1252_80.indexOf(c);
    return i >= 0 ? (CP1252_TO[i] ?? c) : c;
  });
  return new TextEncoder().encode(text);
}

const CP1252_80 =
  '\u0080\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008a\u008b\u008c\u008e\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009a\u009b\u009c\u009e\u009f';
const CP1252_TO = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Is this head in an encoding DuckDB cannot read directly (so the file must be transcoded first)? */
export function needsTranscode(head: Uint8Array): boolean {
  const h = sniffCsvHead(head);
  return !('error' in h) && h.encoding === 'latin-1';
}
