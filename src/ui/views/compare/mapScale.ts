/** Five equal steps between the smallest and the largest value (one step when they are equal). */
export interface ColourClass {
  lo: number;
  hi: number;
  /** Position on the colour ramp, 0–1. */
  t: number;
}

const STEPS = 5;

export function colourClasses(values: readonly number[]): ColourClass[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ lo: min, hi: max, t: 0.6 }];
  const step = (max - min) / STEPS;
  return Array.from({ length: STEPS }, (_, i) => ({
    lo: min + i * step,
    hi: i === STEPS - 1 ? max : min + (i + 1) * step,
    t: 0.1 + (0.8 * i) / (STEPS - 1),
  }));
}

/** The class a value falls in (the top class includes the maximum). */
export function classOf(classes: readonly ColourClass[], v: number): number {
  for (let i = 0; i < classes.length; i++) if (v < classes[i]!.hi || i === classes.length - 1) return i;
  return -1;
}
