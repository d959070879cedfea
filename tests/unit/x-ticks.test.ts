import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { getTickValuesFixedDomain as TicksFn } from 'recharts/types/util/scale/getNiceTickValues';
import { xTicks } from '../../src/features/dashboard/lib/x-ticks';

// Recharts' own choice for a fixed number domain (the chart drew its x axis with it before it was drawn by hand).
const { getTickValuesFixedDomain } = createRequire(import.meta.url)(
  'recharts/lib/util/scale/getNiceTickValues',
) as { getTickValuesFixedDomain: typeof TicksFn };

describe('the agency chart x ticks', () => {
  it('are the ticks Recharts drew for the same domain, for every domain the chart can have', () => {
    // The chart's domain is [0, ceil(max share in % / 10) × 10], at least 100 (shares over 100 % do occur).
    for (let max = 100; max <= 5000; max += 10) {
      const theirs = getTickValuesFixedDomain([0, max], 5, true, 'adaptive').map(Number);
      expect(xTicks(max), `max ${max}`).toEqual(theirs);
    }
  });

  it('split 100 % in quarters and end at the domain even when the last step would pass it', () => {
    expect(xTicks(100)).toEqual([0, 25, 50, 75, 100]);
    // 110 / 4 = 27.5, rounded up to 30: 0, 30, 60, 90, then the end of the domain.
    expect(xTicks(110)).toEqual([0, 30, 60, 90, 110]);
    expect(xTicks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(xTicks(0)).toEqual([0]);
  });
});
