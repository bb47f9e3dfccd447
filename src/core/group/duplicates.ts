import type { WorkbookData } from '../kernel/model';
import { problem, type Problem, type ProblemCode } from '../kernel/problems';
import { normaliseEmail } from './normalise';
import { identityGraphSteps, type IdentityGraph } from './identity';
import { ROWS_PER_STEP, runSteps, type Steps } from '../kernel/steps';

/** Per code and sheet this many are listed one by one, the rest counted (as the parser does). */
const LISTED_PER_SHEET = 20;

/** Collects problems, listing at most LISTED_PER_SHEET per code and sheet. */
class CappedProblems {
  readonly listed: Problem[] = [];
  private readonly counts = new Map<string, { code: ProblemCode; sheet: string; count: number }>();

  add(entry: Problem & { sheet: string }): void {
    const key = `${entry.code}\u0000${entry.sheet}`;
    const counted = this.counts.get(key) ?? { code: entry.code, sheet: entry.sheet, count: 0 };
    this.counts.set(key, counted);
    if (++counted.count <= LISTED_PER_SHEET) this.listed.push(entry);
  }

  all(): Problem[] {
    const more = [...this.counts.values()]
      .filter(({ count }) => count > LISTED_PER_SHEET)
      .map(({ code, sheet, count }) => problem(code, 'warning', { sheet, more: count - LISTED_PER_SHEET }));
    return [...this.listed, ...more];
  }
}

/** Rows of one sheet that are one person although they do not all carry one number (one number twice the parser reports). */
const personDuplicates = (graph: IdentityGraph, person: number, out: CappedProblems): void => {
  const bySheet = new Map<string, number[]>();
  for (const record of graph.recordsOf(person)) {
    const { sheet } = graph.records.source(record);
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), record]);
  }
  for (const [sheet, records] of bySheet) {
    if (records.length < 2) continue;
    const people = records.map((record) => graph.records.recipient(record));
    const ids = new Set(people.map((p) => (p.kind === 'contact' ? p.contactId : p.customerId).trim()));
    if (ids.size === 1 && !ids.has('')) continue;
    const emails = new Set(people.map((p) => normaliseEmail(p.email)));
    const [first, ...others] = people;
    const sameEmail = emails.size === 1 && !emails.has(null);
    out.add({
      ...problem('probableDuplicate', 'warning', { sheet, row: first.row }),
      sheet,
      rows: others.map((p) => p.row),
      value: sameEmail ? first.email.trim() : `${first.firstName} ${first.lastName}`.trim(),
      detail: sameEmail ? 'email' : 'name',
    });
  }
};

/** A number used by several people: the first person's row, the rows of the others. */
const sharedId = (graph: IdentityGraph, records: number[], out: CappedProblems): void => {
  const [first, ...rest] = records;
  const source = graph.records.source(first);
  const others = rest.filter((record) => graph.person[record] !== graph.person[first]);
  const recipient = graph.records.recipient(first);
  out.add({
    ...problem('sharedContactId', 'warning', { sheet: source.sheet, row: source.row }),
    sheet: source.sheet,
    rows: others.map((record) => graph.records.source(record).row),
    value: (recipient.kind === 'contact' ? recipient.contactId : recipient.customerId).trim(),
  });
};

/**
 * The probable duplicates of the contacts and customers sheets, with sheet and rows, so that the source can be cleaned
 * once instead of every campaign: rows the identity graph found to be one person (same e-mail, or same name at the
 * same firm, with different or no numbers), and numbers used for clearly different people.
 */
export const duplicateProblems = (data: WorkbookData): Problem[] => runSteps(duplicateSteps(data));

/** duplicateProblems in steps (kernel/steps.ts): the identity graph's, then every few thousand records. */
function* duplicateSteps(data: WorkbookData): Steps<Problem[]> {
  const graph = yield* identityGraphSteps(data);
  const out = new CappedProblems();
  const reported = new Set<number>();
  for (let record = 0; record < graph.records.count; record++) {
    if (record % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    const person = graph.person[record];
    if (person === record || reported.has(person)) continue;
    reported.add(person);
    personDuplicates(graph, person, out);
  }
  for (const records of graph.sharedIdGroups()) sharedId(graph, records, out);
  return out.all();
}

const rowKey = (sheet: string | undefined, row: number | undefined): string => `${sheet}\u0000${row}`;

/**
 * The data's problems with its probable duplicates first (a duplicate decides who gets a message, a skipped totals
 * row does not); the parser's "number twice" is dropped where the number is reported as used by different people.
 * In steps, see duplicateSteps.
 */
export function* withDuplicateSteps(data: WorkbookData): Steps<Problem[]> {
  const duplicates = yield* duplicateSteps(data);
  const explained = new Set(
    duplicates
      .filter((p) => p.code === 'sharedContactId')
      .flatMap((p) => [p.row, ...(p.rows ?? [])].map((row) => rowKey(p.sheet, row))),
  );
  const rest = data.problems.filter(
    (p) => p.code !== 'duplicateId' || !explained.has(rowKey(p.sheet, p.row)),
  );
  return [...duplicates, ...rest];
}
