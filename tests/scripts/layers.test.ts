/**
 * The layer rules: dependency-cruiser with the rules read from docs/architecture.md's table
 * (.dependency-cruiser.cjs) catches deliberately bad imports in a fixture tree, and the table
 * names every folder of src/ (and nothing that is not there).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const { layerTable } = require('../../scripts/layers.cjs') as {
  layerTable: () => { folder: string; allowed: string[] }[];
};
const BIN = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = path.join(root, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  /** As written in the import. */
  unresolvedTo: string;
  rule: { name: string };
}

/** Runs dependency-cruiser as `npm run lint:layers` does, from `cwd`; its JSON violations. */
function cruise(cwd: string): Violation[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [BIN, 'src', '--config', CONFIG, '--output-type', 'json'], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    // It exits non-zero when it finds violations; the report is still on stdout.
    out = (error as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { summary: { violations: Violation[] } }).summary.violations;
}

describe('layer rules (docs/architecture.md → dependency-cruiser)', () => {
  it('catches imports that break a row of the table, type-only ones too', () => {
    const found = cruise(path.join(root, 'tests', 'fixtures', 'layers'))
      .map((v) => `${v.rule.name}: ${v.from} → ${v.unresolvedTo}`)
      .sort();
    expect(found).toEqual([
      'layer:src/db: src/db/client.ts → ../queries/types',
      'layer:src/domain: src/domain/bad.ts → ../sql/schema',
      'pure:src/domain: src/domain/bad.ts → react',
    ]);
  }, 60_000);

  it('the table has one row per folder of src/ and cli/, and every row exists', () => {
    const rows = layerTable().map((r) => r.folder);
    const folders = readdirSync(path.join(root, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory() || /\.tsx?$/.test(d.name))
      .map((d) => `src/${d.name}`);
    expect([...rows].sort()).toEqual([...folders, 'cli'].sort());
    for (const r of layerTable()) {
      expect(existsSync(path.join(root, r.folder)), r.folder).toBe(true);
      for (const a of r.allowed) expect(rows, `${r.folder} may import ${a}`).toContain(a);
    }
  });
});
