import type { OutcomeGroup } from '../../domain/keys';

/** Okabe–Ito: distinguishable under the common colour-vision deficiencies. */
export const OKABE_ITO = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#56B4E9',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const;

export const seriesColour = (i: number): string => OKABE_ITO[i % OKABE_ITO.length]!;

/** Outcome groups keep one colour in every view: green-ish granted, vermillion withheld. */
export const GROUP_COLOURS: Record<OutcomeGroup, string> = {
  granted: '#009E73',
  partially_granted: '#56B4E9',
  withheld: '#D55E00',
  unable: '#E69F00',
  rejected: '#CC79A7',
  other: '#7f7f7f',
};

/**
 * Sequential single-hue blue ramp for heat cells (readable for every colour vision, and in
 * greyscale since lightness is monotonic). `t` in 0–1.
 */
export function heatColour(t: number): { background: string; color: string } {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  // from #f7fbff (247,251,255) to #08306b (8,48,107)
  const mix = (a: number, b: number) => Math.round(a + (b - a) * x);
  return {
    background: `rgb(${mix(247, 8)},${mix(251, 48)},${mix(255, 107)})`,
    color: x > 0.55 ? '#fff' : '#111',
  };
}
