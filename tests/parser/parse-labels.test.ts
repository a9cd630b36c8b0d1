import { describe, expect, it } from 'vitest';
import {
  labelKey,
  matchTable2Item,
  matchTable3Label,
  matchTable4Group,
  toSimplified,
} from '../../src/parser/labels';

describe(matchTable3Label, () => {
  it.each([
    ['一、本年新收政府信息公开申请数量', 'new_received'],
    ['一、本年新收政府信息公開申請數量', 'new_received'],
    ['(三)不予公开1.属于国家秘密', 'withheld_state_secret'],
    ['2.其他法律行政止公开', 'withheld_prohibited_by_law'],
    ['5.属于三类内容事务信息', 'withheld_internal_affairs'],
    ['5.要求行政机关确认或重 新出具', 'rejected_confirmation'],
    ['(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理', 'other_overdue_correction'],
    ['缴纳费用、行政机关不再处理其政', 'other_overdue_fee'],
    ['3. 其他', 'other_other'],
    ['(六)其他处理', 'other_single'],
    ['(七)总计', 'total_handled'],
    ['四、结转下年度继续办理', 'carried_forward'],
    ['(三)不予公开', 'hdr_withheld'],
  ])('%s → %s', (label, key) => {
    expect(matchTable3Label(label)).toBe(key);
  });

  it('matches nothing for headings of columns and stray fragments', () => {
    expect(matchTable3Label('申请人情况')).toBeNull();
    expect(matchTable3Label('法人或其他组织')).toBeNull();
    expect(matchTable3Label('计其他情形)')).toBeNull();
  });

  it('normalises radicals, brackets and spaces through NFKC + labelKey', () => {
    expect(labelKey('⼀、本年 新收'.normalize('NFKC'))).toBe('一本年新收');
    expect(toSimplified('處理結果')).toBe('处理结果');
  });
});

describe('table 二 and 四 labels', () => {
  it('finds items by their printed names', () => {
    expect(matchTable2Item('行政规范性文件')).toBe('normative_documents');
    expect(matchTable2Item('規章')).toBe('regulations');
    expect(matchTable2Item('其他对外管理服务事项')).toBe('other_services');
  });

  it('finds table 四 groups', () => {
    expect(matchTable4Group('行政诉讼(未经复议直接起诉)')).toBe('litigation_direct');
    expect(matchTable4Group('复议后起诉')).toBe('litigation_after_review');
    expect(matchTable4Group('### 行政复议')).toBe('review');
  });
});
