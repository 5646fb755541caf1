/** Saves a blob as a file through an `<a download>` click (no server, no permission). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked later: the download may still be reading the blob when click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * The stem of exported file names: `backprop-` and the preset's id, else the title as a
 * slug (ASCII letters and digits joined by dashes), else `scenario`.
 */
export function exportStem(presetId: string | null, title: string | undefined): string {
  const slug = (presetId ?? title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return `backprop-${slug || 'scenario'}`;
}
