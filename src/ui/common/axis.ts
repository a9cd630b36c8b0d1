/**
 * How many ticks a value axis `length` px long gets. With a tick count and `interval={0}`
 * recharts draws every tick it computes without measuring each label in the DOM to drop the
 * ones that collide (a forced layout on every redraw with new labels, issue 12); ≥ 60 px a tick
 * leaves room for the longest labels the charts print ("100%", "12.5万", "1,234").
 */
export function tickCountFor(length: number): number {
  return Math.max(2, Math.min(5, Math.floor(length / 60)));
}
