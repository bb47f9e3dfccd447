import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/** A fresh temp folder per test file, removed afterwards. */
export const useTempDir = (): (() => string) => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kampagnen-xlsx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
};

let fileCounter = 0;

/** Builds a workbook with exceljs (as a user's Excel file would be) and writes it to `dir`. */
export const writeWorkbook = async (
  dir: string,
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<string> => {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const path = join(dir, `input-${++fileCounter}.xlsx`);
  await workbook.xlsx.writeFile(path);
  return path;
};

/** Reads a file back with a fresh exceljs workbook: independent of the adapter under test. */
export const readBack = async (path: string): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
};

export const outputPath = (dir: string, name = 'out'): string => join(dir, `${name}-${++fileCounter}.xlsx`);
