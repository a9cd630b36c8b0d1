/** Save a blob under a file name via a temporary object URL (no request leaves the page). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // revoke after the click has been handled
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from a chart title: no path or shell-hostile characters, bounded length. */
export function safeFileName(title: string, ext: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\s]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 80) || 'chart';
  return `${base}.${ext}`;
}
