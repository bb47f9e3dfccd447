/**
 * The ExcelApi version the adapter needs without a fallback (getRangeByIndexes and freezePanes are 1.7); the manifest
 * declares the same minimum, which `npm run validate` checks. Office 2016 bought outright has only 1.1.
 */
export const MIN_EXCEL_API = '1.7';

/** Whether a dotted version such as "1.10" is at least `minimum`, compared number by number ("1.10" > "1.9"). */
export function versionAtLeast(version: string, minimum: string): boolean {
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, need.length); i += 1) {
    const difference = (have[i] || 0) - (need[i] || 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}
