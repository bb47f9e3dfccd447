/**
 * Blob + <a download> works in browsers, Excel on the web and Windows (WebView2), but not in Office on Mac desktop
 * (guide §4): there the caller uses the export-sheet fallback.
 */
export const canDownloadFiles = (): boolean => {
  if (typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') return false;
  if (!('download' in HTMLAnchorElement.prototype)) return false;
  const office = (globalThis as unknown as { Office?: { context?: { platform?: string } } }).Office;
  return office?.context?.platform !== 'Mac';
};

export const downloadText = (text: string, fileName: string, mimeType = 'text/csv;charset=utf-8'): void =>
  downloadBlob(new Blob([text], { type: mimeType }), fileName);

export const downloadBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some hosts.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** A file name from the campaign name that every OS accepts. */
export const csvFileName = (campaignName: string): string =>
  `${campaignName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'Kampagne'}.csv`;
