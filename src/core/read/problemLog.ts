import type { Problem, ProblemCode, Severity } from '../kernel/problems';

/** Per code and sheet, this many problems are listed one by one; the rest is one summary (a 1M-row sheet). */
export const PROBLEMS_LISTED_PER_SHEET = 20;

/** Collects problems, listing at most PROBLEMS_LISTED_PER_SHEET per code and sheet and counting the rest. */
export class ProblemLog {
  private readonly listed: Problem[] = [];
  private readonly counts = new Map<
    string,
    { code: ProblemCode; severity: Severity; sheet: string; count: number }
  >();

  add(
    code: ProblemCode,
    severity: Severity,
    sheet: string,
    row: number,
    column?: string,
    value?: string,
    detail?: string,
  ): void {
    const key = `${code}\u0000${sheet}`;
    const entry = this.counts.get(key);
    const count = entry ? ++entry.count : 1;
    if (!entry) this.counts.set(key, { code, severity, sheet, count });
    if (count > PROBLEMS_LISTED_PER_SHEET) return;
    const p: Problem = { code, severity, sheet, row };
    if (column !== undefined) p.column = column;
    if (value !== undefined) p.value = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    if (detail !== undefined) p.detail = detail;
    this.listed.push(p);
  }

  problems(): Problem[] {
    const summaries: Problem[] = [];
    for (const { code, severity, sheet, count } of this.counts.values()) {
      if (count > PROBLEMS_LISTED_PER_SHEET)
        summaries.push({ code, severity, sheet, more: count - PROBLEMS_LISTED_PER_SHEET });
    }
    return [...this.listed, ...summaries];
  }
}
