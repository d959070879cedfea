export type Lang = 'id' | 'en';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

const formatters = new Map<string, Intl.NumberFormat>();
/** One `Intl.NumberFormat` per locale and digits, made once: building one costs far more than formatting. */
function nf(lang: Lang, min: number, max: number): Intl.NumberFormat {
  const k = `${lang}|${min}|${max}`;
  let f = formatters.get(k);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max });
    formatters.set(k, f);
  }
  return f;
}

/** Scale words for short money: Indonesian `jt`/`M`/`T`, English `m`/`bn`/`tn`. */
const SCALES: Record<Lang, [number, string][]> = {
  id: [
    [1e12, 'T'],
    [1e9, 'M'],
    [1e6, 'jt'],
    [1e3, 'rb'],
  ],
  en: [
    [1e12, 'tn'],
    [1e9, 'bn'],
    [1e6, 'm'],
    [1e3, 'k'],
  ],
};

/** `Rp 1,2 M`, `Rp 350 jt`, `Rp 950 rb` (id) / `Rp 1.2 bn` (en). One decimal below 100, none above. */
export function formatRupiahShort(value: number | null, lang: Lang = 'id'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  for (const [factor, word] of SCALES[lang]) {
    if (abs >= factor) {
      const x = abs / factor;
      const s = nf(lang, 0, x < 100 ? 1 : 0).format(x);
      return `${sign}Rp ${s} ${word}`;
    }
  }
  return `${sign}Rp ${nf(lang, 0, 0).format(abs)}`;
}

/** Full rupiah, to the rupiah: `Rp 1.234.567`. */
export function formatRupiah(value: number | null, lang: Lang = 'id'): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const s = nf(lang, 0, 0).format(Math.abs(value));
  return `${value < 0 ? '−' : ''}Rp ${s}`;
}

/** A share as a percentage: 0.385 -> `38,5 %` (id) / `38.5%` (en). */
export function formatPercent(share: number | null, lang: Lang = 'id', digits = 1): string {
  if (share === null || !Number.isFinite(share)) return '—';
  const s = nf(lang, digits, digits).format(share * 100);
  return lang === 'id' ? `${s} %` : `${s}%`;
}

export function formatInt(n: number, lang: Lang = 'id'): string {
  return nf(lang, 0, 0).format(n);
}

/**
 * A share shown next to its target: one decimal, or more when one decimal would round a miss up to the target
 * (39,96 % must not read "40,0 %" beside a ✗).
 */
export function formatShareVsTarget(share: number | null, target: number, lang: Lang = 'id'): string {
  if (share === null || !Number.isFinite(share)) return '—';
  let digits = 1;
  while (
    digits < 4 &&
    share !== target &&
    formatPercent(share, lang, digits) === formatPercent(target, lang, digits)
  ) {
    digits++;
  }
  return formatPercent(share, lang, digits);
}
