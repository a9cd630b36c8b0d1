/**
 * ≥ 10,000 damaged copies of real corpus reports through `parseReport`: it must never throw and
 * always return the ParseOutcome contract (a report, or a failure naming the file with a reason).
 * Seeded, so every mutant is reproducible from (SEED, file, index).
 */
import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/parser/parse';
import { hashKeys, Rng } from '../../src/synth/prng';
import { type CorpusFile, corpusFiles, hasCorpus } from './corpus';
import { recordCount } from './counts';
import { HTML_MUTATORS, type Mutator, PDF_MUTATORS, TEXT_MUTATORS, ZIP_MUTATORS } from './mutate';
import { outcomeProblem } from './outcome';

const SEED = 'parser-mutations-v1';
const TARGET = 10_000;
/**
 * Mutants per container: PDF and DOCX cost 250–400 ms a parse here, HTML ~20 ms, text ~2 ms,
 * so the binaries get a few dozen each and text the bulk (the run stays near a minute).
 */
const BINARY_MUTANTS = { pdf: 16, docx: 24 } as const;
const HTML_FULL_MUTANTS = 50;
const HTML_TABLE_MUTANTS = 110;

interface Failure {
  file: string;
  index: number;
  ops: string;
  problem: string;
}

function mutatorsFor(kind: CorpusFile['kind']): Record<string, Mutator> {
  if (kind === 'pdf') return PDF_MUTATORS;
  if (kind === 'docx') return ZIP_MUTATORS;
  if (kind === 'html') return HTML_MUTATORS;
  return TEXT_MUTATORS;
}

/** The tables of an HTML report without its page chrome: a smaller, faster mutant base. */
function tablesOnly(html: string): string {
  const from = html.search(/<table/i);
  const to = html.toLowerCase().lastIndexOf('</table>');
  return from < 0 || to < 0 ? html : `<html><body>${html.slice(from, to + 8)}</body></html>`;
}

function plan(files: CorpusFile[]): { file: CorpusFile; bytes: Uint8Array; text: string; count: number }[] {
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  const out: { file: CorpusFile; bytes: Uint8Array; text: string; count: number }[] = [];
  let fixed = 0;
  for (const file of files) {
    // Scans go through OCR (seconds a page): their damage is tested by tests/parser/ocr instead.
    if (file.name.includes('扫描件')) continue;
    if (file.kind === 'pdf' || file.kind === 'docx') {
      out.push({ file, bytes: file.bytes, text: '', count: BINARY_MUTANTS[file.kind] });
      fixed += BINARY_MUTANTS[file.kind];
    } else if (file.kind === 'html') {
      const text = decode(file.bytes);
      const small = tablesOnly(text);
      out.push({ file, bytes: file.bytes, text, count: HTML_FULL_MUTANTS });
      out.push({ file, bytes: new TextEncoder().encode(small), text: small, count: HTML_TABLE_MUTANTS });
      fixed += HTML_FULL_MUTANTS + HTML_TABLE_MUTANTS;
    }
  }
  const texts = files.filter((f) => f.kind === 'txt');
  const perText = Math.ceil(Math.max(0, TARGET - fixed) / Math.max(1, texts.length));
  for (const file of texts) out.push({ file, bytes: file.bytes, text: decode(file.bytes), count: perText });
  return out;
}

describe.skipIf(!hasCorpus)('parseReport under mutation', () => {
  it(`never throws on ${TARGET}+ mutants of corpus reports`, async () => {
    const started = performance.now();
    const failures: Failure[] = [];
    let total = 0;
    let reports = 0;
    let slowest = { ms: 0, what: '' };
    const msByKind = new Map<string, number>();
    for (const { file, bytes, text, count } of plan(corpusFiles())) {
      const mutators = mutatorsFor(file.kind);
      const names = Object.keys(mutators);
      for (let index = 0; index < count; index++) {
        const rng = new Rng(hashKeys(SEED, file.name, bytes.length, index));
        const ops: string[] = [];
        let mutant = bytes;
        let mutantText = text;
        const rounds = rng.chance(0.25) ? 2 : 1;
        for (let r = 0; r < rounds; r++) {
          const name = names[rng.int(0, names.length - 1)]!;
          ops.push(name);
          mutant = mutators[name]!(rng, mutant, mutantText);
          if (file.kind === 'txt' || file.kind === 'html') mutantText = new TextDecoder().decode(mutant);
        }
        const fileName = rng.chance(0.1) ? `mutant ${index}<x>.${file.kind}` : file.name;
        const t0 = performance.now();
        try {
          const outcome = await parseReport(mutant, fileName);
          const problem = outcomeProblem(outcome, fileName);
          if (problem) failures.push({ file: file.name, index, ops: ops.join('+'), problem });
          else if (outcome.ok) reports++;
        } catch (error) {
          failures.push({ file: file.name, index, ops: ops.join('+'), problem: `threw ${String(error)}` });
        }
        const ms = performance.now() - t0;
        msByKind.set(file.kind, (msByKind.get(file.kind) ?? 0) + ms);
        if (ms > slowest.ms) slowest = { ms, what: `${file.name}#${index} ${ops.join('+')}` };
        total++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    recordCount({
      suite: 'parser mutations',
      passed: total - failures.length,
      failed: failures.length,
      note: `${reports} parsed as reports, the rest refused with a reason; ${seconds.toFixed(1)} s; slowest ${slowest.ms.toFixed(0)} ms: ${slowest.what}`,
    });
    console.log(
      `  time by container: ${[...msByKind].map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
    );
    for (const f of failures.slice(0, 15)) console.log(`  ${f.file} #${f.index} [${f.ops}]: ${f.problem}`);
    expect(total).toBeGreaterThanOrEqual(TARGET);
    expect(failures).toEqual([]);
  }, 300_000);
});
