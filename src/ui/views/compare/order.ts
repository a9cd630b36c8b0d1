import type { PivotSort } from '../../../domain/vocab';

/**
 * Rows in the order chosen: by value (blanks always last) or by the label shown. The rows drawn
 * stay the same (the query's top N by value, or the chosen units): only their order changes.
 */
export function orderRows<R>(
  rows: readonly R[],
  sort: PivotSort,
  value: (r: R) => number | null,
  label: (r: R) => string,
  lang: 'zh' | 'en',
): R[] {
  const sign = sort.dir === 'desc' ? -1 : 1;
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-CN' : 'en', { numeric: true });
  return [...rows].sort((a, b) => {
    if (sort.by === 'value') {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) return (va - vb) * sign;
      return collator.compare(label(a), label(b));
    }
    return collator.compare(label(a), label(b)) * sign;
  });
}
