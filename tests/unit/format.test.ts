import { describe, expect, it } from 'vitest';
import {
  formatInt,
  formatPercent,
  formatRupiah,
  formatRupiahShort,
  formatShareVsTarget,
} from '../../src/lib/format';

describe('Indonesian number formats', () => {
  it('shortens rupiah with Indonesian scale words', () => {
    expect(formatRupiahShort(1_200_000_000)).toBe('Rp 1,2 M');
    expect(formatRupiahShort(350_000_000)).toBe('Rp 350 jt');
    expect(formatRupiahShort(1_534_000_000_000)).toBe('Rp 1,5 T');
    expect(formatRupiahShort(12_345_678)).toBe('Rp 12,3 jt');
    expect(formatRupiahShort(950_000)).toBe('Rp 950 rb');
    expect(formatRupiahShort(-2_500_000_000)).toBe('−Rp 2,5 M');
    expect(formatRupiahShort(null)).toBe('—');
  });
  it('writes English scale words in English', () => {
    expect(formatRupiahShort(1_200_000_000, 'en')).toBe('Rp 1.2 bn');
    expect(formatRupiahShort(350_000_000, 'en')).toBe('Rp 350 m');
  });
  it('formats full rupiah and percentages', () => {
    expect(formatRupiah(1234567.89)).toBe('Rp 1.234.568');
    expect(formatPercent(0.385)).toBe('38,5 %');
    expect(formatPercent(0.385, 'en')).toBe('38.5%');
    expect(formatPercent(null)).toBe('—');
    expect(formatInt(3412)).toBe('3.412');
  });

  it('never rounds a share onto its target', () => {
    expect(formatShareVsTarget(0.39996, 0.4)).toBe('39,996 %');
    expect(formatShareVsTarget(0.3996, 0.4)).toBe('39,96 %');
    expect(formatShareVsTarget(0.4, 0.4)).toBe('40,0 %');
    expect(formatShareVsTarget(0.385, 0.4)).toBe('38,5 %');
    expect(formatShareVsTarget(0.40004, 0.4)).toBe('40,004 %');
    expect(formatShareVsTarget(null, 0.4)).toBe('—');
  });
});
