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
