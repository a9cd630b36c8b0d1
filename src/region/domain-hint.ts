import type { RegionEntry } from './types';

/** Host labels that say nothing about the place. */
const GENERIC_LABELS = new Set([
  'www',
  'gov',
  'cn',
  'com',
  'net',
  'org',
  'edu',
  'zwgk',
  'xxgk',
  'zfxxgk',
  'info',
]);
const SUFFIX = /(自治州|自治县|自治区|地区|新区|市|区|县|省|旗|盟)$/;
const SUFFIX_PINYIN: Record<string, string> = {
  市: 'shi',
  区: 'qu',
  县: 'xian',
  省: 'sheng',
  旗: 'qi',
  盟: 'meng',
};

/** The meaningful labels of a host or URL: `http://xncz.gov.cn/info/…` → `['xncz']`. */
export function domainLabels(hostOrUrl: string): string[] {
  const host = hostOrUrl
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/:?#].*$/, '');
  return host.split('.').filter((l) => l.length >= 2 && !GENERIC_LABELS.has(l));
}

/**
 * Pinyin spellings a site may use for a division: full and initials, with and without the
 * administrative suffix (城中区 → chengzhongqu, chengzhong, czq, cz). Needs `entry.pinyin`.
 */
export function pinyinTokens(entry: RegionEntry): string[] {
  if (!entry.pinyin) return [];
  const [full = '', initials = ''] = entry.pinyin.split('|');
  const tokens = [full, initials];
  const suffix = SUFFIX.exec(entry.name)?.[0];
  if (suffix && initials.length === entry.name.length) {
    tokens.push(initials.slice(0, entry.name.length - suffix.length));
    const sp = SUFFIX_PINYIN[suffix];
    if (sp && full.endsWith(sp)) tokens.push(full.slice(0, -sp.length));
  }
  return tokens.filter((t) => t.length >= 2);
}

/** How many divisions of `chain` a host names (xncz.gov.cn names 西宁 `xn` and 城中 `cz`: 2). */
export function domainScore(labels: readonly string[], chain: readonly RegionEntry[]): number {
  let score = 0;
  for (const e of chain) {
    if (pinyinTokens(e).some((t) => labels.some((l) => l.includes(t)))) score++;
  }
  return score;
}
