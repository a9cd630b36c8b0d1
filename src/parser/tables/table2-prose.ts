/**
 * Figures a report's prose states for a table-二 item ("制发规范性文件6件", "现行有效的规范性文件
 * 45件"): evidence for cutting the item's run-together digits. Only statements naming both the
 * item and the column's verb count; the first statement per column is used.
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

export function statedFigures(text: string, item: string, format: Format): Map<string, Stated> {
  const out = new Map<string, Stated>();
  const word = ITEM_WORDS[item];
  if (!word || text === '') return out;
  const prose = text.replace(/\s+/g, '');
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
