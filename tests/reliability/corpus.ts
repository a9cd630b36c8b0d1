/** The real reports of ../shared/corpus, when present (it is not part of the repository). */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPresent } from '../corpus-present';
import { repoRoot } from './counts';

export const reportsDir = path.resolve(repoRoot, '../shared/corpus/reports');
export const hasCorpus = corpusPresent(reportsDir, 'corpus-based reliability, import and mutation tests');

export interface CorpusFile {
  name: string;
  kind: 'txt' | 'html' | 'pdf' | 'docx';
  bytes: Uint8Array;
}

export function corpusFiles(): CorpusFile[] {
  if (!hasCorpus) return [];
  return readdirSync(reportsDir)
    .sort()
    .flatMap((name): CorpusFile[] => {
      const ext = path.extname(name).slice(1).toLowerCase();
      const kind = ext === 'htm' ? 'html' : ext;
      if (kind !== 'txt' && kind !== 'html' && kind !== 'pdf' && kind !== 'docx') return [];
      return [{ name, kind, bytes: new Uint8Array(readFileSync(path.join(reportsDir, name))) }];
    });
}
