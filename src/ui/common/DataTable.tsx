import { type ReactNode, useState } from 'react';
import { useI18n } from '../../i18n';

export interface Column<R> {
  key: string;
  label: string;
  numeric?: boolean;
  render: (row: R) => ReactNode;
  /** The value the column sorts by; a column with one gets a sort button in its header. */
  sortValue?: (row: R) => number | string | null;
}

type Sort = { key: string; dir: 'desc' | 'asc' } | null;

/** Rows by one column, blanks last; ties keep the rows' own order. */
function sorted<R>(
  rows: readonly R[],
  columns: readonly Column<R>[],
  sort: Sort,
  locale: string,
): readonly R[] {
  const col = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !col?.sortValue) return rows;
  const value = col.sortValue;
  const sign = sort.dir === 'desc' ? -1 : 1;
  const collator = new Intl.Collator(locale, { numeric: true });
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
      const c =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.i - b.i : c * sign;
    })
    .map((x) => x.r);
}

/**
 * A plain accessible table of a chart's rows. Columns with a `sortValue` sort on a click of their
 * header (high to low, low to high, back to the rows' own order).
 */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R, i: number) => string;
}) {
  const { t, locale } = useI18n();
  const [sort, setSort] = useState<Sort>(null);
  const next = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, dir: 'desc' } : s.dir === 'desc' ? { key, dir: 'asc' } : null));
  const shown = sorted(rows, columns, sort, locale);
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const dir = sort?.key === c.key ? sort.dir : null;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={dir === null ? undefined : dir === 'desc' ? 'descending' : 'ascending'}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      data-testid={`sort-${c.key}`}
                      title={t('table.sortBy', { column: c.label })}
                      onClick={() => next(c.key)}
                    >
                      {c.label}
                      <span aria-hidden="true">{dir === 'desc' ? ' ▼' : dir === 'asc' ? ' ▲' : ' ⇅'}</span>
                    </button>
                  ) : (
                    c.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((r, i) => (
            <tr key={rowKey(r, i)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'num' : undefined}>
                  {c.render(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
