import type { Lang } from '../../../lib/format';

/** `1.5 MB` / `1,5 MB`. */
export function formatBytes(n: number, lang: Lang): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
    maximumFractionDigits: u === 0 ? 0 : 1,
  }).format(v);
  return `${text} ${units[u]}`;
}

/** A delimiter as people name it. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'tab' : d === ' ' ? 'spasi' : `"${d}"`;
}
