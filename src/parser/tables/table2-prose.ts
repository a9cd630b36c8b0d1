/**
 * Figures a report's prose states for a table-二 item ("制发规范性文件6件", "现行有效的规范性文件
 * 45件", "作出行政处罚决定305起", "发布采购信息21条共5419886元"): evidence for cutting the item's
 * run-together digits. Only statements naming both the item and the column's verb count; the
 * first statement per column is used. Amounts are returned in 万元, as the column holds them.
 */
import type { Format } from '../../domain/keys';

export interface Stated {
  value: number;
  quote: string;
}

const ITEM_WORDS: Record<string, string> = {
  regulations: '规章',
  normative_documents: '规范性文件',
};

/** Column → verbs that name it in prose, per format (2019: 新制作/新公开/对外公开总数). */
const VERBS: Record<Format, Record<string, string>> = {
  '2021': { issued: '制发|印发|出台|制定', repealed: '废止|清理废止', in_force: '现行有效|有效' },
  '2019': { newly_made: '新制作|制作', newly_published: '新公开', total_published: '对外公开总数|累计公开' },
};

const DECISIONS: Record<string, string> = { licensing: '许可', penalty: '处罚', coercion: '强制' };
const PROCUREMENT = /采购[^。；;，,\d]{0,12}?(\d+)(?:条|项|个|批)[^。；;\d]{0,6}?(\d+(?:\.\d+)?)(万?元)/;

/** "5419886元" → 541.9886 (万元), by moving the decimal point in the printed digits. */
export function yuanTo10k(printed: string): number {
  const [int = '0', frac = ''] = printed.replace(/[^\d.]/g, '').split('.');
  const digits = int.padStart(5, '0') + frac;
  const point = Math.max(int.length, 5) - 4;
  return Number(`${digits.slice(0, point)}.${digits.slice(point)}`);
}

export function statedFigures(text: string, item: string, format: Format): Map<string, Stated> {
  const out = new Map<string, Stated>();
  if (text === '') return out;
  const prose = text.replace(/\s+/g, '');
  const kind = DECISIONS[item];
  if (kind) {
    const m = new RegExp(`行政${kind}决定(?:书)?[^。；;，,\\d]{0,4}?(\\d+)(?:起|件|个|份)`).exec(prose);
    if (m) out.set('decisions', { value: Number(m[1]), quote: m[0] });
    return out;
  }
  if (item === 'procurement') {
    const m = PROCUREMENT.exec(prose);
    if (m) {
      const amount = m[3] === '元' ? yuanTo10k(m[2]!) : Number(m[2]);
      out.set('items', { value: Number(m[1]), quote: m[0] });
      out.set('amount_10k_yuan', { value: amount, quote: m[0] });
    }
    return out;
  }
  const word = ITEM_WORDS[item];
  if (!word) return out;
  for (const [col, verbs] of Object.entries(VERBS[format])) {
    // "<verb>…<item>N件" or "<item>…<verb>N件", within one clause.
    const res = [
      new RegExp(`(?:${verbs})[^。；;，,、\\d]{0,8}?${word}[^。；;，,、\\d]{0,4}?(\\d+)件`),
      new RegExp(`${word}[^。；;，,、\\d]{0,8}?(?:${verbs})[^。；;，,、\\d]{0,4}?(\\d+)件`),
    ];
    for (const re of res) {
      const m = re.exec(prose);
      if (m) {
        out.set(col, { value: Number(m[1]), quote: m[0] });
        break;
      }
    }
  }
  return out;
}
