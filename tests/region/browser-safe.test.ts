import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.split(path.sep).includes('node'))
    .map((f) => path.join(dir, f));
}

describe('browser-safe modules', () => {
  it.each([...sources('src/region'), ...sources('src/dataset')])('%s imports nothing Node-only', (file) => {
    const text = readFileSync(path.join(root, file), 'utf8');
    expect(text).not.toMatch(/from '(node:|@duckdb\/node-api|fs|path)/);
  });
});
