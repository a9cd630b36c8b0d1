import type { Report } from '../../src/domain/report';

/** A small hand-built report: 0, blank and "/" side by side, one unknown row, one failed check. */
export function handReport(overrides: Partial<Report> = {}): Report {
  return {
    unit: '济源市人民政府',
    year: 2019,
    format: '2019',
    region: null,
    table3: {
      carried_over: { natural_person: 2, total: 2 },
      new_received: { natural_person: 82, commercial: 0, research: null, social_org: null, total: 96 },
    },
    table4: { review: { upheld: 1, total: 1 } },
    table2: { licensing: { decisions: 1234.5 } },
    raw: {
      'table3.new_received.social_org': '/',
      'table3.new_received.legal_service': '—',
    },
    checks: [
      {
        rule: 'table3.row_sum',
        where: 'table3.new_received.total',
        expected: 84,
        actual: 96,
        message: 'applicant columns add to 84, total printed 96',
      },
    ],
    source: { file: '济源市_2019.txt', sha256: 'f'.repeat(64) },
    ...overrides,
  };
}
