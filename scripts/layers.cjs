/**
 * The layer table of docs/architecture.md, read as rules: one { folder, allowed } per row, the
 * folders as written in backticks in the "folder" and "may import" columns. Used by
 * .dependency-cruiser.cjs and by tests/scripts/layers.test.ts.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');

const DOC = path.join(__dirname, '..', 'docs', 'architecture.md');

function layerTable(text = readFileSync(DOC, 'utf8')) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\| folder \| holds \| may import \|/.test(l));
  if (start < 0) throw new Error(`${DOC}: no "| folder | holds | may import |" table`);
  const rows = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split(' | ');
    const folder = /`([^`]+)`/.exec(cells[0] ?? '')?.[1];
    if (!folder) throw new Error(`${DOC}: a layer row without a folder: ${line}`);
    const allowed = [...(cells[cells.length - 1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    rows.push({ folder, allowed });
  }
  return rows;
}

module.exports = { DOC, layerTable };
