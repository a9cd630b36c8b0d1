import { describe, expect, it } from 'vitest';
import { checkReport } from '../../src/domain/checks';
import { checkMessage, locationName, ruleName } from '../../src/i18n/checks';
import { provinceName } from '../../src/i18n/places';

const num = (n: number | null) => (n === null ? '—' : String(n));
const RAW_KEY = /[a-z]+_[a-z_]+/;
const HAN = /[\u4e00-\u9fff]/;

describe('check messages from codes', () => {
  it('words a table-三 balance failure in each language without raw keys', () => {
    const c = {
      rule: 'table3.column_balance',
      location: 'table3.*.natural_person',
      expected: 98,
      actual: 97,
    };
    expect(checkMessage('zh', c, num)).toBe(
      '表三 · 自然人：本年新收 + 上年结转 = 98，但办理总计 + 结转下年度 = 97',
    );
    expect(checkMessage('en', c, num)).toBe(
      'Table 3 · natural persons: new + carried over = 98, but handled + carried forward = 97',
    );
  });

  it('names the missing rows of an incomplete table 三 by their labels', () => {
    const c = {
      rule: 'incomplete',
      location: 'table3',
      expected: 30,
      actual: 28,
      message: '表三不完整, 缺少: withheld_state_secret, other_overdue_fee / table 三 is incomplete',
    };
    expect(checkMessage('zh', c, num)).toBe(
      '表三不完整：应有 30 行，读到 28 行；缺少：不予公开·国家秘密、其他处理·逾期未缴费',
    );
    const en = checkMessage('en', c, num);
    expect(en).toBe(
      'Table 3 is incomplete: 28 of 30 rows read; missing: withheld: state secret, other: overdue fee',
    );
    expect(en).not.toMatch(HAN);
  });

  it('never prints a raw key, whatever the rule or location', () => {
    const rules = [
      'table3.column_balance',
      'table3.outcome_sum',
      'table3.row_sum',
      'table4.group_sum',
      'cross_year.carry',
      'cross_year.in_force',
      'narrative.total',
      'incomplete',
      'no_figures',
      'table2.short_row',
      'ambiguous_split',
      'some_future_rule',
    ];
    const locations = [
      'table3.*.legal_service',
      'table3.rejected_repeated.*',
      'table4.litigation_after_review.*',
      'table2.normative_documents.in_force',
      'table3',
      'table9.made_up_key',
    ];
    for (const lang of ['zh', 'en'] as const)
      for (const rule of rules)
        for (const location of locations) {
          const text = `${ruleName(lang, rule)} ${checkMessage(lang, { rule, location, expected: 1, actual: 2 }, num)}`;
          expect(text, `${lang} ${rule} ${location}`).not.toMatch(RAW_KEY);
          if (lang === 'en') expect(text).not.toMatch(HAN);
          else expect(text).toMatch(HAN);
        }
  });

  it('words every check the domain rules produce', () => {
    const failures = checkReport(
      {
        table3: {
          new_received: { total: 10, natural_person: 10 },
          carried_over: { total: 1, natural_person: 1 },
          granted: { total: 5, natural_person: 4 },
          total_handled: { total: 9, natural_person: 8 },
          carried_forward: { total: 1, natural_person: 1 },
        },
        table4: { review: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 3 } },
      },
      '',
    );
    expect(failures.length).toBeGreaterThan(1);
    for (const f of failures) {
      const c = { rule: f.rule, location: f.where, expected: f.expected, actual: f.actual };
      expect(checkMessage('zh', c, num)).not.toMatch(RAW_KEY);
      expect(checkMessage('en', c, num)).not.toMatch(HAN);
    }
  });

  it('labels locations and rules', () => {
    expect(locationName('zh', 'table4.review.*')).toBe('表四 · 行政复议');
    expect(locationName('en', 'table2.licensing')).toBe('Table 2 · licensing');
    expect(ruleName('zh', 'table2.short_row')).toBe('表二行缺单元格');
  });
});

describe(provinceName, () => {
  it('gives English names for provinces in English only', () => {
    expect(provinceName('en', '福建省')).toBe('Fujian');
    expect(provinceName('en', '内蒙古自治区')).toBe('Inner Mongolia');
    expect(provinceName('zh', '福建省')).toBe('福建省');
    expect(provinceName('en', null)).toBe('');
  });
});
