/**
 * The chart colours, once: the Okabe–Ito palette (colour-blind safe) and what each colour means in Pantau PDN.
 * Colour is never the only cue: a miss also gets a hatch and a ✗, realisasi a hatch and an "R".
 */
const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  orange: '#E69F00',
  bluishGreen: '#009E73',
} as const;

/** An agency at or above its target. */
export const MEETS_COLOR = OKABE_ITO.blue;
/** An agency below its target (drawn hatched, with ✗). */
export const MISSES_COLOR = OKABE_ITO.vermillion;
export const UMK_COLOR = OKABE_ITO.bluishGreen;
export const KOMITMEN_COLOR = OKABE_ITO.blue;
export const REALISASI_COLOR = OKABE_ITO.orange;
/** Totals behind a part (the method breakdown): neutral grey. */
export const TOTAL_COLOR = '#9aa3ad';
