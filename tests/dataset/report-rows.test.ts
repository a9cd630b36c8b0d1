import { describe, expect, it } from 'vitest';
import { idOf, toCellRows, toCheckRows, toReportRow } from '../../src/dataset/report-rows';
import { handReport } from './fixtures';

describe(toCellRows, () => {
  const cells = toCellRows(handReport(), 'r1');
  const cell = (row: string, col: string) =>
    cells.find((c) => c.table === 'table3' && c.row === row && c.col === col);

  it('keeps blank apart from zero and from "/"', () => {
    expect(cell('new_received', 'commercial')).toMatchObject({ value: 0, raw: null });
    expect(cell('new_received', 'research')).toMatchObject({ value: null, raw: '' });
    expect(cell('new_received', 'social_org')).toMatchObject({ value: null, raw: '/' });
  });

  it('emits cells printed only as text (in raw, absent from the values)', () => {
    expect(cell('new_received', 'legal_service')).toMatchObject({ value: null, raw: '—' });
  });

  it('writes a recorded place as the src_ columns of its kind, and none where there is none', () => {
    const placed = toCellRows(handReport(), 'r1', {
      'table3.new_received.natural_person': { line: 4, cell: 0, start: 3, end: 5 },
      'table3.new_received.commercial': { line: 9, cell: 2, start: 0, end: 1, table: 1, row: 6 },
      'table3.new_received.research': {
        line: 2,
        cell: 1,
        start: 0,
        end: 2,
        page: 3,
        box: [10, 20.123, 30, 40],
      },
    });
    const at = (col: string) => placed.find((c) => c.row === 'new_received' && c.col === col);
    expect(at('natural_person')).toMatchObject({ src_line: 5, src_start: 3, src_end: 5 });
    expect(at('natural_person')?.src_page).toBeUndefined();
    expect(at('commercial')).toMatchObject({
      src_table: 2,
      src_row: 7,
      src_col: 3,
      src_start: 0,
      src_end: 1,
    });
    expect(at('commercial')?.src_line).toBeUndefined();
    expect(at('research')).toMatchObject({ src_page: 3, src_x0: 10, src_y0: 20.12, src_x1: 30, src_y1: 40 });
    expect(at('social_org')?.src_page).toBeUndefined();
    expect(at('social_org')?.src_line).toBeUndefined();
  });

  it('does not invent cells the report did not print', () => {
    expect(cell('granted', 'natural_person')).toBeUndefined();
    expect(cell('carried_over', 'commercial')).toBeUndefined();
    expect(cells).toHaveLength(2 + 6 + 2 + 1);
  });

  it('orders tables 二/三/四 and rows and columns as printed', () => {
    expect(cells.map((c) => `${c.table}.${c.row}.${c.col}`)).toEqual([
      'table2.licensing.decisions',
      'table3.new_received.natural_person',
      'table3.new_received.commercial',
      'table3.new_received.research',
      'table3.new_received.social_org',
      'table3.new_received.legal_service',
      'table3.new_received.total',
      'table3.carried_over.natural_person',
      'table3.carried_over.total',
      'table4.review.upheld',
      'table4.review.total',
    ]);
    expect(new Set(cells.map((c) => c.report_id))).toEqual(new Set(['r1']));
  });
});

describe(toCheckRows, () => {
  it('maps where → location and keeps the numbers', () => {
    expect(toCheckRows(handReport(), 'r1')).toEqual([
      {
        report_id: 'r1',
        rule: 'table3.row_sum',
        location: 'table3.new_received.total',
        expected: 84,
        actual: 96,
        message: 'applicant columns add to 84, total printed 96',
      },
    ]);
  });
});

describe(toReportRow, () => {
  it('fills region columns from the placement and counts failed checks', () => {
    const row = toReportRow(handReport(), {
      unitKind: 'government',
      identity: { unitId: 'u1', parentUnitId: 'p1' },
      placement: {
        region: { code: '419001', name: '济源市', level: 'prefecture' },
        province: '河南省',
        prefecture: '济源市',
        county: null,
      },
      source: '济源市_2019.txt',
      parserVersion: '1.2.3',
    });
    expect(row).toEqual({
      report_id: idOf(handReport()),
      unit_id: 'u1',
      unit: '济源市人民政府',
      unit_kind: 'government',
      parent_unit_id: 'p1',
      region_code: '419001',
      region_name: '济源市',
      province: '河南省',
      prefecture: '济源市',
      county: null,
      level: 'prefecture',
      year: 2019,
      format: '2019',
      source: '济源市_2019.txt',
      sha256: 'f'.repeat(64),
      parser_version: '1.2.3',
      check_failures: 1,
    });
  });

  it('keeps an unresolved unit with null region columns', () => {
    const row = toReportRow(handReport({ unit: '城中区城乡建设局' }), {
      unitKind: 'department',
      identity: { unitId: 'u2', parentUnitId: null },
      placement: null,
      source: 'x',
      parserVersion: '1',
    });
    expect(row).toMatchObject({
      region_code: null,
      region_name: null,
      province: null,
      level: null,
      unit_kind: 'department',
    });
  });
});
