import { useState } from 'react';
import { ensureAnnotationsLoaded, getAnnotations } from '../../annotations/store';

import { PARQUET_FILES } from '../../dataset/rows';
import { mergesToAliases } from '../../domain/units/merges';
import { useI18n } from '../../i18n';
import { ensureMergesLoaded, getMerges } from '../../import/unit-merges';
import { encodeParquet, exportParquet } from '../../queries';
import { downloadBlob } from '../export/download';

/** Same name as src/annotations/parquet.ts (imported on demand: it brings apache-arrow). */
const CORRECTIONS_FILE = 'corrections.parquet';
const ALIASES_FILE = 'aliases.tsv';

/**
 * Saves the loaded dataset (bundled plus anything imported) as the four contract Parquet files,
 * corrections.parquet when the analyst has entered corrections, and aliases.tsv when units were
 * merged in this browser.
 */
export function DownloadDatasetButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const files = await exportParquet();
      // The analyst's corrections go with the dataset, in a file of their own (printed values
      // untouched). Encoded before any download starts: the browser lets a page start several
      // downloads together, not one more after a pause.
      await ensureAnnotationsLoaded();
      const { corrections } = getAnnotations();
      await ensureMergesLoaded();
      const merges = getMerges().list;
      let extra: Uint8Array | null = null;
      if (corrections.length > 0) {
        const { correctionsIpc } = await import('../../annotations/parquet');
        extra = await encodeParquet(correctionsIpc(corrections));
      }
      for (const [table, bytes] of Object.entries(files) as [keyof typeof PARQUET_FILES, Uint8Array][]) {
        downloadBlob(
          new Blob([bytes as BlobPart], { type: 'application/vnd.apache.parquet' }),
          PARQUET_FILES[table],
        );
      }
      if (extra) {
        downloadBlob(
          new Blob([extra as BlobPart], { type: 'application/vnd.apache.parquet' }),
          CORRECTIONS_FILE,
        );
      }
      // The units merged here: reports.parquet already carries the merged ids; the aliases file
      // lets `cli ingest --aliases` give a re-ingest of the sources the same ids.
      if (merges.length > 0)
        downloadBlob(
          new Blob([mergesToAliases(merges)], { type: 'text/tab-separated-values' }),
          ALIASES_FILE,
        );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={run} disabled={busy} aria-busy={busy} data-testid="download-parquet">
        {t('dataset.download')}
      </button>
      {error && <span role="alert">{error}</span>}
    </>
  );
}
