import { useState } from 'react';
import { PARQUET_FILES } from '../../dataset/rows';
import { useI18n } from '../../i18n';
import { exportParquet } from '../../queries';
import { downloadBlob } from '../export/download';

/** Saves the loaded dataset (bundled plus anything imported) as the four contract Parquet files. */
export function DownloadDatasetButton() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const files = await exportParquet();
      for (const [table, bytes] of Object.entries(files) as [keyof typeof PARQUET_FILES, Uint8Array][]) {
        downloadBlob(
          new Blob([bytes as BlobPart], { type: 'application/vnd.apache.parquet' }),
          PARQUET_FILES[table],
        );
      }
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
