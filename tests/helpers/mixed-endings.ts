/**
 * RUP penyedia exports whose lines end as the test chooses, record by record (LF, CRLF or a bare CR), with
 * records that load, that a rule excludes, and that are rejected (a bad pagu, a short line, an unclosed quote),
 * and what the import must report, computed here from how the file is written: the physical line of every record
 * as an editor counts lines (every CRLF, LF or bare CR is one line break, inside quoted cells too), the counts,
 * the rejects with their lines, and the exact pagu sum in cents.
 */
import { csvCell } from '../../scripts/sample/csv';
import { PENYEDIA_HEADERS } from '../../scripts/sample/layouts';
import { penyediaRow } from './fixtures';

export type Eol = '\n' | '\r\n' | '\r';

/** What record i is: loaded, excluded (not announced), rejected by a rule, or broken. */
export type RecordKind =
  | 'ok'
  | 'draft'
  | 'bad_pagu'
  /** Three cells: the reader's wrong column count. */
  | 'short'
  /** nama_paket opens a quote never closed: every later line is swallowed into it, then read again. */
  | 'open_quote'
  /** nama_paket holds a line break (of the given kind) inside its quotes. */
  | { multiline: Eol };

export interface MixedSpec {
  records: number;
  /** The ending of line `i` (0: the header; i: record i's last line). */
  eol: (i: number) => Eol;
  kind?: (i: number) => RecordKind;
  /** The last record ends without a line ending. */
  unterminated?: boolean;
  kd0?: number;
}

export interface Expected {
  bytes: Uint8Array;
  text: string;
  /** Physical lines of the file. */
  physical: number;
  /** kd_rup -> its record's first physical line, for every record that is loaded or excluded. */
  lineOf: Map<string, number>;
  excludedKd: Set<string>;
  /** Rejected records and lines: line, reason. */
  rejects: { line: number; reason: string }[];
  read: number;
  loaded: number;
  excluded: number;
  rejected: number;
  /** Sum of the loaded (not excluded) records' pagu, in cents. */
  loadedCents: bigint;
  /** The unclosed quote's line and the last line it swallowed. */
  swallowed: { from: number; to: number; recovered: number } | null;
}

const agency = { kd: '83001', str: '1.01.0.00.0.00.01.0000', nama: 'DINAS AKHIR BARIS' };

/** Line breaks in `s` as an editor counts them. */
const breaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

export function buildMixed(spec: MixedSpec): Expected {
  const kd0 = spec.kd0 ?? 83_000_000;
  const parts: string[] = [PENYEDIA_HEADERS.join(','), spec.eol(0)];
  let line = 2;
  const e: Expected = {
    bytes: new Uint8Array(),
    text: '',
    physical: 0,
    lineOf: new Map(),
    excludedKd: new Set(),
    rejects: [],
    read: 0,
    loaded: 0,
    excluded: 0,
    rejected: 0,
    loadedCents: 0n,
    swallowed: null,
  };
  let openAt: number | null = null;
  let recovered = 0;
  for (let i = 1; i <= spec.records; i++) {
    const kind = spec.kind?.(i) ?? 'ok';
    const kd = String(kd0 + i);
    const cents = BigInt(2_000_000 + i) * 100n + BigInt(i % 100);
    const row = penyediaRow({
      agency,
      kdRup: kd,
      cents,
      pdn: i % 2 === 0,
      ukm: i % 3 === 0,
      ...(kind === 'draft' ? { umumkan: 'Draft' } : {}),
      ...(kind === 'bad_pagu' ? { paguText: 'dua juta' } : {}),
    });
    const nama =
      kind === 'open_quote'
        ? '"Pengadaan ATK kantor'
        : typeof kind === 'object'
          ? csvCell(`Belanja${kind.multiline}multi baris ${i}`)
          : `Paket ${i}`;
    const rec =
      kind === 'short'
        ? `${kd},pendek,1`
        : PENYEDIA_HEADERS.map((h) => (h === 'nama_paket' ? nama : csvCell(row[h] ?? ''))).join(',');
    const end = i === spec.records && spec.unterminated ? '' : spec.eol(i);
    parts.push(rec, end);
    e.read++;
    if (openAt !== null) {
      // Swallowed by the unclosed quote, then read again on its own line.
      recovered++;
    } else if (kind === 'open_quote') {
      openAt = line;
    }
    if (kind === 'short' || kind === 'bad_pagu' || (kind === 'open_quote' && openAt === line)) {
      e.rejected++;
      const reason =
        kind === 'short'
          ? 'struktur_baris'
          : kind === 'bad_pagu'
            ? 'angka_tidak_valid'
            : 'kutip_tidak_tertutup';
      e.rejects.push({ line, reason });
    } else if (kind === 'draft') {
      e.excluded++;
      e.excludedKd.add(kd);
      e.lineOf.set(kd, line);
    } else {
      e.loaded++;
      e.loadedCents += cents;
      e.lineOf.set(kd, line);
    }
    line += breaks(rec + end);
  }
  e.text = parts.join('');
  e.bytes = new TextEncoder().encode(e.text);
  e.physical = breaks(e.text) + (/[\r\n]$/.test(e.text) ? 0 : 1);
  if (openAt !== null) e.swallowed = { from: openAt + 1, to: e.physical, recovered };
  return e;
}

/** The same records with every line ending LF: what a mixed file must import as. */
export function asLf(spec: MixedSpec): MixedSpec {
  return {
    ...spec,
    eol: () => '\n',
    kind: (i) => {
      const k = spec.kind?.(i) ?? 'ok';
      return typeof k === 'object' ? { multiline: '\n' } : k;
    },
  };
}
