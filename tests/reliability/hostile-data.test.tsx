/**
 * Hostile text inside a dataset: unit names carrying HTML or script render as text (React
 * escapes; no raw-HTML sink anywhere in src/), and CSV exports neutralise cells a spreadsheet
 * would run as a formula (= + - @, tab, CR), read back through an independent CSV parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/import/csv';
import { DataTable } from '../../src/ui/common/DataTable';
import { toCsv } from '../../src/ui/export/csv';
import { FileResultRow } from '../../src/ui/import/FileResultRow';
import { recordCount, repoRoot } from './counts';

const HOSTILE_UNITS = [
  '<script>alert(1)</script>局',
  '"><img src=x onerror=alert(1)>',
  '<svg/onload=alert(document.domain)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  "X'; DROP TABLE reports; --",
  '=HYPERLINK("http://evil.example","点击")',
  '+cmd|" /C calc"!A0',
  '-2+3+cmd|" /C calc"!A0',
  '@SUM(1+1)*cmd|" /C calc"!A0',
  '\t=1+1',
  '\r=1+1',
  '=1+1\n第二行',
  '济源市人民政府',
];
const FORMULA = /^[=+\-@\t\r]/;
let passed = 0;
let failed = 0;
const tally = (ok: boolean) => (ok ? passed++ : failed++);

afterAll(() => recordCount({ suite: 'hostile data (render + CSV export)', passed, failed }));

function sources(dir: string): string[] {
  return readdirSync(path.join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('hostile unit names render as text', () => {
  it('no raw-HTML or eval sink in src/', () => {
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
    const hits = sources('src').filter((f) => sinks.test(readFileSync(path.join(repoRoot, f), 'utf8')));
    tally(hits.length === 0);
    expect(hits).toEqual([]);
  });

  it.each(HOSTILE_UNITS)('%j in a data table and an import result', (unit) => {
    const table = renderToStaticMarkup(
      <DataTable
        caption="t"
        columns={[{ key: 'unit', label: '单位', render: (r: { unit: string }) => r.unit }]}
        rows={[{ unit }]}
        rowKey={(r) => r.unit}
      />,
    );
    const preview = renderToStaticMarkup(
      <FileResultRow
        lang="zh"
        existing={null}
        busy={false}
        onAdd={() => undefined}
        onDismiss={() => undefined}
        result={{
          ok: false,
          file: `${unit}.txt`,
          reason: unit,
          refusal: { code: 'readFailed', params: { detail: unit } },
        }}
      />,
    );
    for (const html of [table, preview]) {
      const ok = !/<(script|img|svg|iframe)\b/i.test(html);
      tally(ok);
      expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
    }
  });
});

describe('CSV export neutralises formulas', () => {
  it('every text cell read back starts with no formula character; numbers stay numbers', () => {
    const csv = toCsv({
      header: ['单位', '数值', '备注'],
      rows: HOSTILE_UNITS.map((u, i) => [u, i % 2 ? -i : i, `=${u}`]),
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const records = parseCsv(csv);
    expect(records).toHaveLength(HOSTILE_UNITS.length + 1);
    records.slice(1).forEach((rec, i) => {
      const [unit, value, note] = rec;
      const ok = !FORMULA.test(unit!) && !FORMULA.test(note!) && value === String(i % 2 ? -i : i);
      tally(ok);
      expect(unit).not.toMatch(FORMULA);
      expect(note).not.toMatch(FORMULA);
      // The text is kept, only prefixed: nothing the analyst wrote is lost.
      expect(unit!.replace(/^'/, '')).toBe(HOSTILE_UNITS[i]);
      expect(value).toBe(String(i % 2 ? -i : i));
    });
  });
});
