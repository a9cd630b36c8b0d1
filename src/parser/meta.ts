/**
 * Unit name and report year from the document itself. The year is the year reported on (title
 * "…2019年政府信息公开工作年度报告", or the statistics period), never the publication date that
 * often follows the title ("(2026年1月23日)"). The file name is only a fallback.
 */

const TITLE = /(\d{4})\s*年(?:度)?\s*(?:政府)?信息公开(?:工作)?\s*(?:年度)?\s*报告/;
const PERIOD = /(\d{4})\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|-|—)\s*(\d{4})\s*年\s*12\s*月\s*31\s*日/;
const UNIT_SUFFIX =
  /(?:人民政府(?:办公室|办公厅)?|委员会|委|局|厅|办公室|办公厅|办|管委会|实验区|新区|镇|乡|街道(?:办事处)?|县|市|区|中心|所|院|站|队)$/;

function plausibleYear(y: number): boolean {
  return y >= 2008 && y <= 2100;
}

export function detectYear(text: string, fileName: string): number | null {
  const head = text.slice(0, 3000);
  const title = head.match(TITLE);
  if (title && plausibleYear(Number(title[1]))) return Number(title[1]);
  const period = text.match(PERIOD);
  if (period && plausibleYear(Number(period[1]))) return Number(period[1]);
  const fromName = fileName.match(/(?:^|[^\d])(20\d{2})(?:[^\d]|$)/);
  if (fromName) return Number(fromName[1]);
  // Last resort: the most frequent plausible year in the text.
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(20\d{2})\s*年/g))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) {
    if (n > bestN) {
      best = y;
      bestN = n;
    }
  }
  return best;
}

function cleanUnit(s: string): string {
  return s
    .replace(/^[#\s*]+/, '')
    .replace(/^[^:：]{0,6}[:：]/, '') // "标题: …"
    .replace(/^(?:关于|正文)/, '')
    .replace(/[\s《》"“”]/g, '')
    .trim();
}

function unitLike(s: string): boolean {
  return s.length >= 2 && s.length <= 40 && UNIT_SUFFIX.test(s);
}

/** The issuing unit, from the title line(s) near the top, else from the file name. */
export function detectUnit(text: string, fileName: string): string {
  const lines = text
    .slice(0, 4000)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .slice(0, 12);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = line.match(TITLE);
    if (!m || m.index === undefined) continue;
    // The unit is what precedes the year, after any sentence lead-in ("…现将沭阳县人民政府2025年…").
    const lead =
      line
        .slice(0, m.index)
        // "…海坛片区管理局 关于2021年度…报告" (a report sent as a letter): the unit precedes 关于.
        .replace(/关于\s*$/, '')
        .split(/[,，。;；:：》“”"()（）]|现将|特此|关于/)
        .pop() ?? '';
    const before = cleanUnit(lead);
    if (unitLike(before) || (before.length >= 2 && before.length <= 16)) return before;
    const prev = i > 0 ? cleanUnit(lines[i - 1]!) : '';
    if (unitLike(prev)) return prev;
    // "2024 年上海市科学技术委员会政府信息公开工作" + "年度报告": the unit follows the year.
    const after = line.slice(m.index).match(/^\d{4}\s*年(?:度)?\s*(.+?)政府信息公开/);
    if (after?.[1] && cleanUnit(after[1]).length >= 2) return cleanUnit(after[1]);
  }
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(/^(?:正文)?\s*\d{4}\s*年(?:度)?\s*([^,，。;；、]{2,40}?)政府信息公开工作/);
    if (m?.[1]) return cleanUnit(m[1]);
  }
  for (const line of lines.slice(0, 4)) {
    const l = cleanUnit(line);
    if (unitLike(l)) return l;
  }
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base.replace(/_?\d{4}$/, '').replace(/_.*$/, '') || base;
}
