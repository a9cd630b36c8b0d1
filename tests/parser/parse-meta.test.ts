import { describe, expect, it } from 'vitest';
import { detectUnit, detectYear } from '../../src/parser/meta';

describe(detectYear, () => {
  it('takes the report year from the title, not the publication date', () => {
    expect(
      detectYear('某县人民政府\n(2026年1月23日)\n某县人民政府2025年政府信息公开工作年度报告', 'x.txt'),
    ).toBe(2025);
  });
  it('falls back to the statistics period, then the file name', () => {
    expect(detectYear('本报告所列数据统计期限为2023年1月1日至2023年12月31日。', 'x.txt')).toBe(2023);
    expect(detectYear('没有年份', '某局_2021.txt')).toBe(2021);
  });
});

describe(detectUnit, () => {
  it('reads the unit before the year in the title', () => {
    expect(detectUnit('济源市人民政府 2019 年政府信息公开工作年度报告\n', 'a.txt')).toBe('济源市人民政府');
    expect(detectUnit('标题: 某区2022年度政府信息公开工作年度报告', 'a.txt')).toBe('某区');
  });
  it('reads a unit printed on the line above a year-first title', () => {
    expect(detectUnit('淮安市某区人民政府\n2024 年政府信息公开工作年度报告', 'a.txt')).toBe(
      '淮安市某区人民政府',
    );
  });
  it('reads a unit that follows the year', () => {
    expect(detectUnit('正文\n2024 年某市科学技术委员会政府信息公开工作\n年度报告', 'a.txt')).toBe(
      '某市科学技术委员会',
    );
  });
  it('falls back to the file name', () => {
    expect(detectUnit('一、总体情况', '某某局_2022.txt')).toBe('某某局');
  });
});
