/** How the sample writes dates, amounts and names: the budget year's calendar, rounded pagu, title case. */
import { TAHUN_ANGGARAN } from './pemda';
import type { Rng } from './prng';

const DAY_MS = 86_400_000;
const YEAR_START_MS = Date.UTC(TAHUN_ANGGARAN, 0, 1);
export const LAST_DAY = 364; // 2025-12-31 as a day offset from 2025-01-01

/** `YYYY-MM-DD` for a day offset from 1 January of the budget year (may be negative). */
export function formatDate(day: number): string {
  return new Date(YEAR_START_MS + day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD hh:mm:ss` for a day offset plus seconds into that day. */
export function formatTimestamp(day: number, secondOfDay: number): string {
  return new Date(YEAR_START_MS + day * DAY_MS + secondOfDay * 1000)
    .toISOString()
    .slice(0, 19)
    .replace('T', ' ');
}

/** Rupiah value to integer sen, for exact sums. */
export function toSen(rupiah: number): number {
  return Math.round(rupiah * 100);
}

/** Round a raw pagu the way budget lines usually look; a few keep odd rupiah or cents. */
export function roundPagu(rng: Rng, raw: number): number {
  if (raw >= 1e9) {
    const step = rng.chance(0.7) ? 1e6 : 1e5;
    return Math.round(raw / step) * step;
  }
  const r = rng.next();
  if (r < 0.015) return Math.floor(raw) + rng.pick([0.5, 0.25, 0.75, 0.61]);
  if (r < 0.1) return Math.round(raw);
  if (raw >= 1e8) return Math.round(raw / 1e5) * 1e5;
  return Math.round(raw / 1e3) * 1e3;
}

/** `DINAS KESEHATAN` -> `Dinas Kesehatan` (`dan`, RSUD and DPRD as Indonesian writes them). */
export function titleCase(upper: string): string {
  return upper
    .toLowerCase()
    .split(' ')
    .map((word) => (word === 'dan' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ')
    .replace(/\bRsud\b/, 'RSUD')
    .replace(/\bDprd\b/, 'DPRD');
}
