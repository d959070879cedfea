/**
 * The sample data of the fictional Pemda (see pemda.ts), deterministic: every random choice comes from a seeded
 * PRNG, so the files are byte-identical between runs.
 *
 * - `generateSample` — the SIRUP side: RUP penyedia and swakelola packages and the budget structure per agency.
 *   Each agency has a target PDN and UKM share against its belanja_pengadaan (or, without a budget-structure row,
 *   against its counted RUP pagu); package flags are set greedily to realise those targets approximately.
 * - `generateRealisasi` — the transactions, consistent with that RUP: the same agencies and kd_rup; realistic
 *   completion rates; half of the SPSE rows without nilai_pdn_kontrak; a few kd_rup that match no RUP package;
 *   one agency spelled two ways; one renamed agency (unmatched until an alias is set); e-Katalog v5 with the
 *   package `total` repeated on every product line; Toko Daring with failed and repeated orders; e-kontrak addenda.
 * - `sampleFiles` — the eleven CSV exports (3 SIRUP + 8 realisasi) as written to `sample-data/`.
 */
import { createContext, paketOf, type RealisasiData } from './context';
import { toCsv } from './csv';
import { ePurchasingRows } from './epurchasing';
import {
  PENYEDIA_HEADERS,
  REALISASI_FILES,
  REALISASI_HEADERS,
  RUP_FILES,
  STRUKTUR_HEADERS,
  SWAKELOLA_HEADERS,
  type RealisasiFileKey,
} from './layouts';
import type { StrukturRow } from './anggaran';
import { agencies, type AgencySpec } from './pemda';
import { createRng } from './prng';
import { agencyPackages } from './rup';
import {
  isCounted,
  penyediaRow,
  swakelolaRow,
  type PenyediaDraft,
  type PenyediaRow,
  type SwakelolaDraft,
  type SwakelolaRow,
} from './rup-rows';
import {
  nonTenderRows,
  pencatatanRows,
  pencatatanSwakelolaRows,
  tenderRows,
  unmatchedContracts,
} from './spse';
import { tokoDaringRows } from './tokodaring';

export interface SampleData {
  agencies: readonly AgencySpec[];
  penyedia: PenyediaRow[];
  swakelola: SwakelolaRow[];
  struktur: StrukturRow[];
}

export function generateSample(seed = 2025): SampleData {
  const rng = createRng(seed);
  const usedNips = new Set<string>();
  const penyediaDrafts: PenyediaDraft[] = [];
  const swakelolaDrafts: SwakelolaDraft[] = [];
  const struktur: StrukturRow[] = [];
  for (const agency of agencies) {
    const packages = agencyPackages(rng, agency, usedNips);
    penyediaDrafts.push(...packages.penyedia);
    swakelolaDrafts.push(...packages.swakelola);
    struktur.push(packages.struktur);
  }

  // Allocate unique 8-digit kd_rup ids over penyedia and swakelola together, in a shuffled order so that
  // agencies interleave like in a real export.
  const allDrafts: (PenyediaDraft | SwakelolaDraft)[] = rng.shuffle([...penyediaDrafts, ...swakelolaDrafts]);
  const ids = new Map<PenyediaDraft | SwakelolaDraft, string>();
  let nextId = 53_104_217;
  for (const draft of allDrafts) {
    ids.set(draft, String(nextId));
    nextId += rng.int(1, 60);
  }
  const idOf = (draft: PenyediaDraft | SwakelolaDraft): string => {
    const id = ids.get(draft);
    if (id === undefined) throw new Error('kd_rup not allocated');
    return id;
  };

  const penyedia = penyediaDrafts
    .map((d) => penyediaRow(rng, d, idOf(d)))
    .sort((a, b) => Number(a.kd_rup) - Number(b.kd_rup));
  const swakelola = swakelolaDrafts
    .map((d) => swakelolaRow(rng, d, idOf(d)))
    .sort((a, b) => Number(a.kd_rup) - Number(b.kd_rup));
  struktur.sort((a, b) => a.kd_satker_str.localeCompare(b.kd_satker_str));

  return { agencies, penyedia, swakelola, struktur };
}

export function generateRealisasi(data: SampleData, seed = 2026): RealisasiData {
  const ctx = createContext(createRng(seed), data.agencies);
  for (const p of data.penyedia) {
    if (!isCounted(p)) continue;
    const paket = paketOf(ctx, p);
    const metode = p.kd_metode_pengadaan;
    if (metode === 13 || metode === 14 || metode === 15) tenderRows(ctx, paket);
    else if (metode === 9) ePurchasingRows(ctx, paket);
    else if (metode === 7 || metode === 8) nonTenderRows(ctx, paket);
    else pencatatanRows(ctx, paket);
  }
  unmatchedContracts(ctx, data.agencies);
  pencatatanSwakelolaRows(ctx, data.swakelola);
  tokoDaringRows(ctx, data.agencies);
  return ctx.out;
}

/** The eleven exports of the sample: file name and CSV text. */
export function sampleFiles(
  data: SampleData = generateSample(),
  realisasi: RealisasiData = generateRealisasi(data),
): { name: string; text: string }[] {
  return [
    { name: RUP_FILES.penyedia, text: toCsv(PENYEDIA_HEADERS, data.penyedia) },
    { name: RUP_FILES.swakelola, text: toCsv(SWAKELOLA_HEADERS, data.swakelola) },
    { name: RUP_FILES.struktur, text: toCsv(STRUKTUR_HEADERS, data.struktur) },
    ...(Object.keys(REALISASI_FILES) as RealisasiFileKey[]).map((key) => ({
      name: REALISASI_FILES[key],
      text: toCsv<string>(REALISASI_HEADERS[key], realisasi[key]),
    })),
  ];
}
