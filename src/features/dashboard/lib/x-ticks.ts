/**
 * The x axis ticks for [0, max], as Recharts chooses them for a fixed number domain and five ticks: a step of
 * (max / 4) rounded up to a multiple of 0.05 of its order of magnitude (0.1 for one digit), the multiples of the
 * step below max, then max itself.
 */
export function xTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const rough = max / 4;
  const digits = Math.floor(Math.log10(rough)) + 1;
  const scale = digits !== 1 ? 0.05 : 0.1;
  const order = 10 ** digits;
  // In whole hundredths of the order of magnitude, so that no float error creeps into the step.
  const hundredths = Math.ceil(Number((rough / order / scale).toPrecision(12))) * Math.round(scale * 100);
  const step = (hundredths * order) / 100;
  const out: number[] = [];
  for (let i = 0; i * step < max; i++) out.push(Number((i * step).toPrecision(12)));
  out.push(max);
  return out;
}
