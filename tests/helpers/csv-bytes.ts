/**
 * Rows to the bytes users' exports are: CSV with a chosen delimiter, BOM, CRLF or Windows-1252 encoding, with the
 * physical line of every record tracked; and money written the ways exports write it.
 */
import { csvCell, csvRecord } from '../../scripts/sample/csv';
import { centsText, centsTextId } from './fixtures';

export interface Serialized {
  bytes: Uint8Array;
  /** Physical line each record starts on (header = line 1). */
  lines: number[];
}

/** Rows to CSV bytes, tracking the physical line of every record (quoted line breaks included). */
export function serialize(
  headers: readonly string[],
  rows: readonly Record<string, string>[],
  opts: { delim?: string; bom?: boolean; crlf?: boolean; latin1?: boolean } = {},
): Serialized {
  const delim = opts.delim ?? ',';
  const eol = opts.crlf ? '\r\n' : '\n';
  const out: string[] = [headers.map((h) => csvCell(h, delim)).join(delim)];
  const lines: number[] = [];
  let line = 2;
  for (const r of rows) {
    const text = csvRecord(headers, r, delim);
    lines.push(line);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
    out.push(text);
  }
  const text = (opts.bom ? '\uFEFF' : '') + out.join(eol) + eol;
  const bytes = opts.latin1 ? encodeCp1252(text) : new TextEncoder().encode(text);
  return { bytes, lines };
}

const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97,
}; // prettier-ignore

/** Text as Windows-1252 bytes, as Excel on an Indonesian PC saves "CSV". */
export function encodeCp1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      const b = CP1252[ch] ?? (c < 0x80 || (c >= 0xa0 && c < 0x100) ? c : undefined);
      if (b === undefined) throw new Error(`not in Windows-1252: ${ch}`);
      return b;
    }),
  );
}

export type MoneyStyle = 'api' | 'id' | 'rp';
export function money(c: bigint, style: MoneyStyle): string {
  if (style === 'api') return centsText(c);
  if (style === 'id') return centsTextId(c);
  return c % 100n === 0n ? `Rp${centsTextId(c).slice(0, -3)},-` : `Rp ${centsTextId(c)}`;
}
