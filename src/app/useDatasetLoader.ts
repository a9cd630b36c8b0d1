import type { QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { initDatabase, QUERY_ROOT } from '../queries';
import { useUi } from '../state';

/**
 * The dataset folder as an absolute URL of this page's origin. The codec already admits only
 * relative paths; this is the second lock, checked where the URL is actually used.
 */
export function resolveDatasetUrl(path: string, base: string = document.baseURI): string {
  const url = new URL(path, base);
  if (url.origin !== new URL(base).origin) throw new Error(`dataset outside this origin: ${path}`);
  return url.href;
}

/** The dataset last asked for: StrictMode runs effects twice, and one load per dataset is enough. */
let requested: { href: string; done: Promise<void> } | null = null;

/**
 * Load `href` unless it is already the dataset being loaded. main.tsx calls this before React
 * renders, so DuckDB's start and the Parquet fetch begin with the first module instead of after
 * the first commit's effects (issue 3: first chart within 1.5 s).
 */
export function requestDataset(href: string): Promise<void> {
  if (requested?.href !== href) requested = { href, done: initDatabase(href) };
  return requested.done;
}

/** (Re)load the database whenever the dataset path in the store changes. */
export function useDatasetLoader(queryClient: QueryClient): void {
  const dataset = useUi((s) => s.dataset);
  useEffect(() => {
    let href: string;
    try {
      href = resolveDatasetUrl(dataset);
    } catch {
      return;
    }
    // errors surface through useDatasetStatus(); the promise is not the channel
    requestDataset(href).then(
      () => queryClient.invalidateQueries({ queryKey: QUERY_ROOT }),
      () => undefined,
    );
  }, [dataset, queryClient]);
}
