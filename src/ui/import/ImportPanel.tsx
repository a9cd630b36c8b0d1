/**
 * 导入: drop or pick reports and datasets; each file is parsed in the import worker and shown
 * (unit, year, format, region, failed checks, or its error) before the user adds it. Added
 * imports join every view, stay across reloads (IndexedDB) and can be removed here.
 */
import { useQueryClient } from '@tanstack/react-query';
import { type DragEvent, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { type Refusal, refusal } from '../../domain/refusals';
import { refusalMessage } from '../../i18n/refusals';
import {
  addImport,
  collisionOf,
  getImports,
  getQuarantined,
  inspectFile,
  inspectPages,
  removeImport,
  restoreImports,
  subscribeImports,
} from '../../import/client';
import { RefusalError } from '../../import/refuse';
import type { AcceptedFile, FileResult } from '../../import/types';
import { QUERY_ROOT } from '../../queries';
import { useUi } from '../../state';
import { FileResultRow } from './FileResultRow';
import { importText } from './strings';
import './import.css';

interface Inspected {
  key: number;
  name: string;
  result: FileResult | null;
  existing: string | null;
  /** A scanned file being read by OCR: pages done of pages. */
  progress?: { page: number; pages: number };
  cancel?: () => void;
}

const ACCEPT = '.pdf,.html,.htm,.txt,.docx,.doc,.wps,.jpg,.jpeg,.png,.parquet,.csv';
const IMAGE = /\.(jpe?g|png)$/i;

export function ImportPanel() {
  const lang = useUi((s) => s.lang);
  const t = (k: Parameters<typeof importText>[1], v?: Record<string, string | number>) =>
    importText(lang, k, v);
  const queryClient = useQueryClient();
  const added = useSyncExternalStore(subscribeImports, getImports, getImports);
  const quarantined = useSyncExternalStore(subscribeImports, getQuarantined, getQuarantined);
  const [inspected, setInspected] = useState<Inspected[]>([]);
  const [errors, setErrors] = useState<{ key: number; refusal: Refusal; file?: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const inputId = useId();

  // Kept as codes: worded when shown, so they follow a change of language.
  const report = (r: Refusal, file?: string) =>
    setErrors((e) => [...e.slice(-4), { key: ++nextKey.current, refusal: r, file }]);
  const fail = (e: unknown) =>
    e instanceof RefusalError
      ? report(e.refusal, e.file)
      : report(refusal('engine', { detail: (e instanceof Error ? e.message : String(e)).split('\n')[0]! }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: QUERY_ROOT });

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page; restoreImports is idempotent
  useEffect(() => {
    // Only restored imports change the data: a refetch otherwise would ask every question again,
    // and before the engine is ready, answer from the same kept or shipped answers once more.
    restoreImports(report).then((n) => (n > 0 ? refresh() : undefined), fail);
  }, []);

  const inspect = (dropped: File[]) => {
    setOpen(true);
    // Page images dropped together are the pages of one report, in file-name order (page1, page2…).
    const images = dropped
      .filter((f) => IMAGE.test(f.name))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh', { numeric: true }));
    const files: (File | File[])[] = dropped.filter((f) => !IMAGE.test(f.name));
    if (images.length === 1) files.push(images[0]!);
    else if (images.length > 1) files.push(images);
    for (const item of files) {
      const file = Array.isArray(item) ? { name: `${item[0]!.name} +${item.length - 1}` } : item;
      const key = ++nextKey.current;
      const stop = new AbortController();
      setInspected((list) => [
        ...list,
        { key, name: file.name, result: null, existing: null, cancel: () => stop.abort() },
      ]);
      const onProgress = (progress: { page: number; pages: number }) =>
        setInspected((list) => list.map((i) => (i.key === key ? { ...i, progress } : i)));
      const options = { onProgress, signal: stop.signal };
      const read = Array.isArray(item) ? inspectPages(file.name, item, options) : inspectFile(item, options);
      read.then(async (result) => {
        // Reports or datasets whose report_ids are already loaded cannot be added (they would
        // replace, and on removal delete, rows they do not own).
        const clash = result.ok ? await collisionOf(result).catch(() => null) : null;
        const source = clash?.source ?? null;
        setInspected((list) => list.map((i) => (i.key === key ? { ...i, result, existing: source } : i)));
      });
    }
  };

  const add = async (items: Inspected[]) => {
    setBusy(true);
    try {
      for (const item of items) {
        if (!item.result?.ok || item.existing !== null) continue;
        try {
          await addImport(item.result as AcceptedFile);
          setInspected((list) => list.filter((i) => i.key !== item.key));
        } catch (e) {
          fail(e);
        }
      }
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    setBusy(true);
    try {
      await removeImport(id);
      await refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    inspect([...e.dataTransfer.files]);
  };

  const addable = inspected.filter((i) => i.result?.ok && i.existing === null);

  return (
    <details
      className="panel import-panel"
      data-testid="import-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2>{t('title')}</h2>
        {added.length > 0 && (
          <span className="muted">
            {' '}
            · {t('added')}: {added.length}
          </span>
        )}
      </summary>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a drop target; the file input inside is the keyboard path */}
      <div
        className={`import-drop${over ? ' over' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p>
          {t('hint')}{' '}
          <label htmlFor={inputId} className="link-button">
            {t('choose')}
          </label>
          <input
            id={inputId}
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            data-testid="import-input"
            className="visually-hidden"
            onChange={(e) => {
              inspect([...(e.target.files ?? [])]);
              e.target.value = '';
            }}
          />
        </p>
        <p className="muted">{t('local')}</p>
      </div>
      {errors.map((m) => (
        <p key={m.key} className="import-error" role="alert" data-testid="import-message">
          {m.file ? (
            <>
              <bdi>{m.file}</bdi>:{' '}
            </>
          ) : null}
          {refusalMessage(lang, m.refusal)}
        </p>
      ))}
      {inspected.length > 0 && (
        <ul className="import-list">
          {inspected.map((i) =>
            i.result ? (
              <FileResultRow
                key={i.key}
                result={i.result}
                lang={lang}
                existing={i.existing}
                busy={busy}
                onAdd={() => add([i])}
                onDismiss={() => setInspected((list) => list.filter((x) => x.key !== i.key))}
              />
            ) : (
              <li key={i.key} className="import-result muted" data-testid="import-pending">
                <bdi>{i.name}</bdi> · {t('parsing')}
                {i.progress && (
                  <>
                    {' '}
                    <progress
                      data-testid="import-progress"
                      max={i.progress.pages}
                      value={i.progress.page}
                      aria-label={t('ocrPages', { page: i.progress.page, pages: i.progress.pages })}
                    />{' '}
                    {t('ocrPages', { page: i.progress.page, pages: i.progress.pages })}{' '}
                    <button type="button" data-testid="import-cancel" onClick={i.cancel}>
                      {t('cancel')}
                    </button>
                  </>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {addable.length > 1 && (
        <button type="button" disabled={busy} onClick={() => add(addable)}>
          {t('addAll')} ({addable.length})
        </button>
      )}
      {added.length > 0 && (
        <>
          <h3>{t('added')}</h3>
          <ul className="import-list">
            {added.map((item) => (
              <li key={item.id} data-testid="import-added" data-file={item.result.file}>
                {/* bdi: a name with U+202E must not reorder the unit and year after it */}
                <bdi className="import-file">{item.result.file}</bdi>
                {item.result.kind === 'report' &&
                  ` · ${item.result.preview.unit} · ${item.result.preview.year} · ${item.result.preview.format}`}{' '}
                <button
                  type="button"
                  data-testid="import-remove"
                  disabled={busy}
                  onClick={() => remove(item.id)}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {quarantined.length > 0 && (
        <>
          <h3>{t('quarantined')}</h3>
          <ul className="import-list">
            {quarantined.map(({ item, error }) => (
              <li key={item.id} data-testid="import-quarantined" data-file={item.result.file}>
                <bdi className="import-file">{item.result.file}</bdi>
                <p className="import-error" role="alert">
                  {refusalMessage(lang, error)}
                </p>
                <button
                  type="button"
                  data-testid="import-remove-quarantined"
                  disabled={busy}
                  onClick={() => remove(item.id)}
                >
                  {t('remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
