/**
 * The RUP packages of one agency: its counted penyedia packages (big construction included), the rows that must
 * not count, its swakelola packages, its budget structure, and PDN/UKM flags set greedily to realise its targets.
 */
import { budgetFor, type StrukturRow } from './anggaran';
import { roundPagu, toSen } from './format';
import { EMPTY_BOOK, fillTemplate, GENERAL_NAMES, PROFILE_NAMES, SWAKELOLA_NAMES } from './names';
import { TAHUN_ANGGARAN, type AgencySpec } from './pemda';
import { makePpk, type Ppk } from './ppk';
import {
  EXCLUDED_KINDS,
  KIND_MIX,
  KINDS,
  UKM_PAGU_LIMIT,
  type JenisCode,
  type KindSpec,
  type PackageKind,
} from './procurement';
import type { Rng } from './prng';
import type { Exclusion, PenyediaDraft, SwakelolaDraft } from './rup-rows';

/** A package name from the agency's own book (60 %) or the general one, sometimes with a period appended. */
function nameFor(rng: Rng, agency: AgencySpec, jenis: JenisCode): string {
  const own = { ...EMPTY_BOOK, ...PROFILE_NAMES[agency.profile] };
  const key = ({ 1: 'barang', 2: 'konstruksi', 3: 'konsultansi', 4: 'jasaLainnya' } as const)[jenis];
  const specific = own[key];
  const pool = specific.length > 0 && rng.chance(0.6) ? specific : GENERAL_NAMES[key];
  let name = fillTemplate(rng, rng.pick(pool));
  const r = rng.next();
  if (r < 0.18) name += ` Triwulan ${rng.pick(['I', 'II', 'III', 'IV'])}`;
  else if (r < 0.3) name += ` Tahun Anggaran ${TAHUN_ANGGARAN}`;
  else if (r < 0.36) name += `, Sub Kegiatan ${rng.int(1, 9)}`;
  return name;
}

/** The package's jenis codes: usually one, a few combined as SIRUP exports write them. */
function jenisFor(rng: Rng, spec: KindSpec): readonly JenisCode[] {
  const primary = rng.pick(spec.jenis);
  if (primary === 1 && rng.chance(0.025)) return [1, 1];
  if (primary === 3 && rng.chance(0.06)) return [3, 4];
  if (primary === 4 && rng.chance(0.01)) return [3, 3, 4];
  return [primary];
}

/** A penyedia package of a kind, not yet flagged PDN/UKM; `pagu` overrides the kind's random range. */
function makePenyediaDraft(
  rng: Rng,
  agency: AgencySpec,
  kind: PackageKind,
  ppks: readonly Ppk[],
  exclusion: Exclusion,
  pagu?: number,
): PenyediaDraft {
  const spec = KINDS[kind];
  const jenis = jenisFor(rng, spec);
  const primary = jenis[0] ?? 1;
  return {
    agency,
    kind,
    nama: nameFor(rng, agency, primary),
    pagu: pagu ?? roundPagu(rng, rng.logUniform(spec.minPagu, spec.maxPagu)),
    jenis,
    exclusion,
    pdn: false,
    ukm: false,
    ppk: rng.pick(ppks),
  };
}

/**
 * Greedy fill: walk the candidates in a biased random order and flag each one whose pagu still fits under
 * the target amount; the many small packages close the gap, so the result lands close to the target. When
 * the small packages alone cannot reach the target, large ones (over 5 % of it) are considered first so
 * they are not crowded out.
 */
function fillToTarget(
  rng: Rng,
  candidates: readonly PenyediaDraft[],
  targetSen: number,
  bias: (draft: PenyediaDraft) => number,
  flag: (draft: PenyediaDraft) => void,
): void {
  const largeSen = targetSen * 0.05;
  const smallSen = candidates.reduce((sum, d) => (toSen(d.pagu) > largeSen ? sum : sum + toSen(d.pagu)), 0);
  const largeFirst = smallSen < targetSen;
  const ordered = candidates
    .map((draft) => ({
      draft,
      tier: largeFirst && toSen(draft.pagu) > largeSen ? 1 : 0,
      key: rng.next() ** (1 / bias(draft)),
    }))
    .sort((a, b) => b.tier - a.tier || b.key - a.key);
  let sum = 0;
  for (const { draft } of ordered) {
    const sen = toSen(draft.pagu);
    if (sum + sen <= targetSen) {
      flag(draft);
      sum += sen;
    }
  }
}

interface AgencyPackages {
  penyedia: PenyediaDraft[];
  swakelola: SwakelolaDraft[];
  struktur: StrukturRow;
}

/** One agency's packages and budget structure; `usedNips` keeps the PPK NIPs unique across agencies. */
export function agencyPackages(rng: Rng, agency: AgencySpec, usedNips: Set<string>): AgencyPackages {
  const ppks = Array.from({ length: agency.packages > 200 ? 3 : agency.packages > 90 ? 2 : 1 }, () =>
    makePpk(rng, usedNips),
  );

  // Counted penyedia packages.
  const counted: PenyediaDraft[] = [];
  for (let i = 0; i < agency.packages; i++) {
    counted.push(makePenyediaDraft(rng, agency, rng.weighted(KIND_MIX[agency.mix]), ppks, 'none'));
  }
  for (const miliar of agency.bigConstruction) {
    const jitter = 1 + (rng.next() - 0.5) * 0.04;
    const pagu = Math.round((miliar * 1e9 * jitter) / 1e6) * 1e6;
    counted.push(makePenyediaDraft(rng, agency, 'konstruksiBesar', ppks, 'none', pagu));
  }

  // Rows that must NOT count (~4 %): deleted, inactive or not announced, with large pagu.
  const excludedCount = Math.max(1, Math.round(agency.packages * 0.042));
  const excluded: PenyediaDraft[] = [];
  for (let i = 0; i < excludedCount; i++) {
    const exclusion = (['deleted', 'inactive', 'draft'] as const)[i % 3] ?? 'deleted';
    const pagu = roundPagu(rng, rng.logUniform(0.6e9, 8e9));
    const draft = makePenyediaDraft(rng, agency, rng.weighted(EXCLUDED_KINDS), ppks, exclusion, pagu);
    draft.pdn = rng.chance(0.85);
    draft.ukm = rng.chance(0.75);
    excluded.push(draft);
  }

  // Swakelola packages (a few of them deleted or inactive).
  const swakelola: SwakelolaDraft[] = [];
  const swakelolaExcluded = agency.swakelola >= 12 ? 1 : 0;
  for (let i = 0; i < agency.swakelola + swakelolaExcluded; i++) {
    swakelola.push({
      agency,
      nama: fillTemplate(rng, rng.pick(SWAKELOLA_NAMES)),
      pagu: roundPagu(rng, rng.logUniform(5e6, agency.swakelolaMax)),
      tipe: rng.weighted([
        [1, 70],
        [2, 12],
        [3, 8],
        [4, 10],
      ] as const),
      exclusion: i < agency.swakelola ? 'none' : rng.pick(['deleted', 'inactive'] as const),
      ppk: rng.pick(ppks),
    });
  }

  // Denominator: belanja_pengadaan, or the counted RUP pagu when the agency has no budget structure.
  const countedSen =
    counted.reduce((sum, d) => sum + toSen(d.pagu), 0) +
    swakelola.filter((d) => d.exclusion === 'none').reduce((sum, d) => sum + toSen(d.pagu), 0);
  const { row: struktur, denominatorSen } = budgetFor(rng, agency, counted, countedSen);

  // Realise the PDN and UKM targets on the counted packages.
  fillToTarget(
    rng,
    counted,
    agency.targetPdn * denominatorSen,
    (d) => KINDS[d.kind].pdnBias,
    (d) => {
      d.pdn = true;
    },
  );
  fillToTarget(
    rng,
    counted.filter((d) => d.pagu <= UKM_PAGU_LIMIT),
    agency.targetUkm * denominatorSen,
    (d) => (d.pagu <= 200e6 ? 8 : d.pagu <= 1e9 ? 2 : 0.5),
    (d) => {
      d.ukm = true;
    },
  );
  for (const d of excluded) if (d.pagu > UKM_PAGU_LIMIT) d.ukm = false;

  return { penyedia: [...counted, ...excluded], swakelola, struktur };
}
