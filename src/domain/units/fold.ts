/**
 * Characters OCR and careless typing swap for one another inside place names. Both sides of a
 * lookup are folded, so 沐阳县 (an OCR reading seen in the corpus) finds 沭阳县, while an exact
 * spelling still wins when the folded key is shared by two real names.
 * Kept deliberately tiny: every pair must be a real confusion, not a guess.
 */
const CONFUSABLE: Record<string, string> = {
  沭: '沐', // 沭阳县 read as 沐阳县 by OCR (corpus: 沭阳县_2025.txt)
  汩: '汨', // 汨罗市 is routinely typed 汩罗市
};

/** NFKC, no whitespace: how unit strings are compared. */
export function normalizeUnit(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The lookup key of a name: normalised, confusable characters folded. */
export function foldName(text: string): string {
  let out = '';
  for (const ch of normalizeUnit(text)) out += CONFUSABLE[ch] ?? ch;
  return out;
}
