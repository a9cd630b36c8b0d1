import {
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
} from '../../../domain/keys';
import {
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
} from '../../../domain/metrics';
import { useI18n } from '../../../i18n';
import { checkMessage } from '../../../i18n/checks';
import type { ReportCell, ReportDetail } from '../../../queries';
import { useCellSelection } from './cellSelection';

type Tables = ReportDetail['tables'];

/** One printed cell: the number, or what was printed, flagged when a failed check involves it. */
function Cell({ cell, address }: { cell: ReportCell | undefined; address: string }) {
  const { t, num, lang } = useI18n();
  const selection = useCellSelection();
  if (!cell) {
    return (
      <td className="num cell-absent" title={t('report.notPrinted')} aria-label={t('report.notPrinted')} />
    );
  }
  const failed = cell.failed.length > 0;
  const text = cell.value !== null ? num(cell.value, 2) : (cell.raw ?? '');
  const correction = selection?.corrections.get(address);
  const selected = selection?.selected === address;
  return (
    <td
      className={`num${failed ? ' cell-failed' : ''}${cell.value === null ? ' cell-raw' : ''}${selected ? ' cell-selected' : ''}`}
      title={
        failed
          ? `${t('report.failedCell')}:\n${cell.failed.map((c) => checkMessage(lang, c, (n) => num(n, 2))).join('\n')}`
          : undefined
      }
      data-cell={address}
      data-failed={failed ? cell.failed.map((c) => c.rule).join(' ') : undefined}
    >
      {selection ? (
        <button
          type="button"
          className="cell-value cell-button"
          aria-label={t('correction.select', { cell: address })}
          aria-pressed={selected}
          onClick={() => selection.select(selected ? null : address)}
        >
          {text}
        </button>
      ) : (
        <span className="cell-value">{text}</span>
      )}
      {correction && (
        <sup
          className="cell-corrected"
          data-testid="cell-corrected"
          title={t('correction.mark', { value: num(correction.corrected, 2), printed: text || '—' })}
        >
          ✎
        </sup>
      )}
      {failed && <span className="visually-hidden"> ({t('report.failedCell')})</span>}
    </td>
  );
}

export function Table3({ tables }: { tables: Tables }) {
  const { t, label } = useI18n();
  const t3 = tables.table3;
  const rows = TABLE3_ROWS.filter((r) => t3[r.key] !== undefined);
  return (
    <section className="report-section">
      <h3>{t('report.table3')}</h3>
      <div className="table-scroll">
        <table className="data-table printed" data-testid="report-table3">
          <thead>
            <tr>
              <th scope="col" />
              {TABLE3_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                  {label(TABLE3_COLUMN_LABELS[c])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{label(TABLE3_ROW_LABELS[r.key])}</th>
                {TABLE3_COLUMNS.map((c) => (
                  <Cell key={c} cell={t3[r.key]?.[c]} address={`table3.${r.key}.${c}`} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Table4({ tables }: { tables: Tables }) {
  const { t, label } = useI18n();
  const t4 = tables.table4;
  return (
    <section className="report-section">
      <h3>{t('report.table4')}</h3>
      <div className="table-scroll">
        <table className="data-table printed" data-testid="report-table4">
          <thead>
            <tr>
              <th scope="col" />
              {TABLE4_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                  {label(TABLE4_COLUMN_LABELS[c])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {TABLE4_GROUPS.filter((g) => t4[g] !== undefined).map((g) => (
              <tr key={g}>
                <th scope="row">{label(TABLE4_GROUP_LABELS[g])}</th>
                {TABLE4_COLUMNS.map((c) => (
                  <Cell key={c} cell={t4[g]?.[c]} address={`table4.${g}.${c}`} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Table2({ tables, format }: { tables: Tables; format: '2019' | '2021' }) {
  const { t, label } = useI18n();
  const t2 = tables.table2;
  // An imported report's format is validated on import; one saved before that may still hold anything.
  const byFormat = Object.hasOwn(TABLE2_ITEMS, format) ? TABLE2_ITEMS[format] : {};
  const items = Object.entries(byFormat).filter(([item]) => t2[item] !== undefined);
  return (
    <section className="report-section">
      <h3>
        {t('report.table2')} <span className="muted">({t(`format.${format}`)})</span>
      </h3>
      <div className="table-scroll">
        <table className="data-table printed" data-testid="report-table2">
          <tbody>
            {items.map(([item, cols]) => (
              <tr key={item}>
                <th scope="row">{TABLE2_ITEM_LABELS[item] ? label(TABLE2_ITEM_LABELS[item]) : item}</th>
                {cols.map((c) => (
                  <td key={c} className="muted">
                    {TABLE2_COLUMN_LABELS[c] ? label(TABLE2_COLUMN_LABELS[c]) : c}
                  </td>
                ))}
                {cols.map((c) => (
                  <Cell key={`v-${c}`} cell={t2[item]?.[c]} address={`table2.${item}.${c}`} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
