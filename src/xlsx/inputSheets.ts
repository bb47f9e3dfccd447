import type { SheetTable } from '../core/kernel/sheetTable';

/** The input package's sheet values, as the overlay reads them. */
export interface InputSheets {
  /** The sheet's values, if they are at hand; undefined for a sheet the input does not have or has let go. */
  get(name: string): SheetTable | undefined;
  /** Makes `get` answer again for a sheet it has let go. */
  load(name: string): Promise<void>;
  /** The port's caller has the sheet now: keep no copy of it. */
  letGo(name: string): void;
}

/** Sheets read from exceljs' model (small files, tests) when first asked for, until handed to the port's caller. */
export const modelSheets = (read: (name: string) => SheetTable | undefined): InputSheets => {
  const kept = new Map<string, SheetTable | undefined>();
  return {
    get(name) {
      const key = name.toLowerCase();
      if (!kept.has(key)) kept.set(key, read(name));
      return kept.get(key);
    },
    load: async () => undefined,
    letGo: (name) => kept.delete(name.toLowerCase()),
  };
};

/**
 * The sheets read at open, let go once handed to the port's caller: the parser turns a sheet into records and drops
 * it, and a million sales rows (about 120 MB at 200,000 contacts) need not live until the save. A sheet asked for again
 * is read again from the package in memory, which does not change (`readAgain`).
 */
export const lettingGoSheets = (
  tables: readonly SheetTable[],
  readAgain: (name: string) => Promise<SheetTable | undefined>,
): InputSheets => {
  const held = new Map(tables.map((table) => [table.name.toLowerCase(), table]));
  const letGo = new Set<string>();
  return {
    get: (name) => held.get(name.toLowerCase()),
    async load(name) {
      const key = name.toLowerCase();
      if (!letGo.has(key)) return;
      const table = await readAgain(name);
      if (table) held.set(key, table);
      letGo.delete(key);
    },
    letGo(name) {
      const key = name.toLowerCase();
      if (held.delete(key)) letGo.add(key);
    },
  };
};
