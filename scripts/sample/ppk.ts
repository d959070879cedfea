/** The PPK (pejabat pembuat komitmen) of the sample's packages: names, NIP and username. */
import type { Rng } from './prng';

export const PPK_FIRST_NAMES = [
  'Agus',
  'Budi',
  'Dewi',
  'Sri',
  'Rina',
  'Hendra',
  'Yusuf',
  'Ratna',
  'Wahyu',
  'Fitri',
  'Andi',
  'Siti',
  'Eko',
  'Dian',
  'Rudi',
  'Nur',
  'Teguh',
  'Bambang',
  'Yanti',
  'Irwan',
] as const;
const PPK_LAST_NAMES = [
  'Santoso',
  'Wibowo',
  'Lestari',
  'Hidayat',
  'Saputra',
  'Kurniawan',
  'Pratama',
  'Rahmawati',
  'Setiawan',
  'Nugroho',
  'Susanti',
  'Firmansyah',
  'Handayani',
  'Gunawan',
] as const;
const PPK_TITLES = [
  'S.T.',
  'S.E.',
  'S.Sos.',
  'S.Kom.',
  'S.Pd.',
  'S.K.M.',
  'S.H.',
  'S.T., M.T.',
  'S.E., M.Si.',
] as const;

export interface Ppk {
  nip: string;
  nama: string;
  username: string;
}

export function makePpk(rng: Rng, used: Set<string>): Ppk {
  for (;;) {
    const first = rng.pick(PPK_FIRST_NAMES);
    const last = rng.pick(PPK_LAST_NAMES);
    const birthYear = rng.int(1968, 1992);
    const pad = (n: number, width: number): string => String(n).padStart(width, '0');
    // NIP: birth date (8) + appointment year/month (6) + sex (1) + sequence (3) = 18 digits.
    const nip =
      pad(birthYear, 4) +
      pad(rng.int(1, 12), 2) +
      pad(rng.int(1, 28), 2) +
      pad(birthYear + rng.int(22, 30), 4) +
      pad(rng.pick([1, 2, 3, 4, 12]), 2) +
      String(rng.int(1, 2)) +
      pad(rng.int(1, 12), 3);
    if (used.has(nip)) continue;
    used.add(nip);
    return {
      nip,
      nama: `${first} ${last}, ${rng.pick(PPK_TITLES)}`,
      username: `${first.toLowerCase()}.${last.toLowerCase()}${String(birthYear).slice(2)}`,
    };
  }
}
