/**
 * A view rendered with data: the Report view's printed tables, from the query the view runs
 * (fetchReport) on the engine over the fixture dataset, rendered to markup as React renders it.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { zh } from '../../src/i18n/zh';
import { fetchReport } from '../../src/queries/report';
import { Table2, Table3, Table4 } from '../../src/ui/views/report/PrintedTables';
import { FIXTURE } from '../db/fixture';
import { loadFixture, openTestDb, type TestDb } from '../db/harness';

/** The text of the cell printed at `address` (table.row.col), or null when there is none. */
function cell(html: string, address: string): { text: string; failed: string | null } | null {
  const m = new RegExp(`<td [^>]*data-cell="${address.replaceAll('.', '\\.')}"[^>]*>(.*?)</td>`).exec(html);
  if (!m) return null;
  const failed = /data-failed="([^"]*)"/.exec(m[0])?.[1] ?? null;
  return { text: (m[1] ?? '').replace(/<[^>]+>/g, ''), failed };
}

describe('Report view with data', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openTestDb();
    await loadFixture(db, FIXTURE);
  }, 120_000);

  it('prints table 三, 四 and 二 of a report with its numbers, raw marks and labels', async () => {
    const detail = await fetchReport(db, { reportId: 'A2021' });
    if (!detail) throw new Error('A2021 not found');
    const html = renderToStaticMarkup(
      <>
        <Table3 tables={detail.tables} />
        <Table4 tables={detail.tables} />
        <Table2 tables={detail.tables} format="2021" />
      </>,
    );
    expect(cell(html, 'table3.new_received.natural_person')?.text).toBe('15');
    expect(cell(html, 'table3.total_handled.total')?.text).toBe('20');
    // Printed as "/", not a number: shown as printed.
    expect(cell(html, 'table3.withheld_state_secret.total')?.text).toBe('/');
    expect(cell(html, 'table4.review.corrected')?.text).toBe('2');
    expect(cell(html, 'table2.licensing.decisions')?.text).toBe('120');
    expect(html).toContain('自然人');
    expect(html).not.toContain('data-failed');
  });

  it('flags the cells a failed check covers', async () => {
    const hongze = FIXTURE.reports.find((r) => r.unit === '洪泽区人民政府')!.unit_id;
    const detail = await fetchReport(db, { unitId: hongze, year: 2022 });
    if (!detail) throw new Error('B2022 not found');
    expect(detail.years).toEqual([2021, 2022]);
    const html = renderToStaticMarkup(<Table3 tables={detail.tables} />);
    expect(cell(html, 'table3.new_received.total')).toEqual({
      text: `6 (${zh['report.failedCell']})`,
      failed: 'table3.column_balance',
    });
    expect(cell(html, 'table3.granted.total')?.failed).toBe('table3.column_balance');
  });
});
