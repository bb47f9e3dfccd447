import JSZip from 'jszip';

/** A fixed date for every entry: the same parts give the same bytes, so the committed .docx can be checked. */
const ZIP_DATE = new Date(Date.UTC(2026, 0, 1));

/** Zips the parts of an Office package, the content types first as Office expects. */
export const zipPackage = (parts: ReadonlyArray<[string, string]>): Promise<Uint8Array> => {
  const zip = new JSZip();
  for (const [path, text] of parts) zip.file(path, text, { date: ZIP_DATE, createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
};
