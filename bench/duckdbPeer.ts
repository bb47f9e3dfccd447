/**
 * The peer: the same four selections and the union with dedupe, done by DuckDB from the same JS arrays the engine
 * parses (the SheetTable rows). Ingestion is what an add-in embedding DuckDB would pay: an appender per sheet, then
 * typed tables. Where the SQL differs from the engine's rules, bench/README.md says so.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { CellValue, SheetTable } from '../src/core/kernel/sheetTable';
import type { SelectionName } from './scenario';

type ColumnType = 'DOUBLE' | 'VARCHAR';

interface RawSheet {
  headers: string[];
  types: ColumnType[];
  /** Index of the header row in `rows`. */
  headerIndex: number;
}

const isBlank = (cell: CellValue | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** The header is the first row with at least three filled cells (a title row above it has one). */
const headerIndexOf = (rows: readonly CellValue[][]): number =>
  rows.findIndex((row) => row.filter((cell) => !isBlank(cell)).length >= 3);

/** A column whose filled cells are all numbers (at least one) is DOUBLE, any other VARCHAR, as read_csv infers. */
const describeSheet = (table: SheetTable): RawSheet => {
  const headerIndex = headerIndexOf(table.rows);
  const headers = table.rows[headerIndex].map((cell, i) => (isBlank(cell) ? `col${i}` : String(cell).trim()));
  const numbers = headers.map(() => 0);
  const texts = headers.map(() => 0);
  for (let r = headerIndex + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    for (let c = 0; c < headers.length; c++) {
      if (typeof row[c] === 'number') numbers[c]++;
      else if (!isBlank(row[c])) texts[c]++;
    }
  }
  const types = headers.map((_, c): ColumnType => (numbers[c] > 0 && texts[c] === 0 ? 'DOUBLE' : 'VARCHAR'));
  return { headers, headerIndex, types };
};

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

const textOf = (cell: CellValue): string => (cell instanceof Date ? cell.toISOString() : String(cell));

const appendSheet = async (connection: DuckDBConnection, table: SheetTable): Promise<void> => {
  const { headers, types, headerIndex } = describeSheet(table);
  const columns = headers.map((header, i) => `${quote(header)} ${types[i]}`);
  await connection.run(`CREATE TABLE ${quote(table.name)} (_row INTEGER, ${columns.join(', ')})`);
  const appender = await connection.createAppender(table.name);
  const startRow = table.startRow ?? 1;
  for (let r = headerIndex + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    appender.appendInteger(startRow + r);
    for (let c = 0; c < headers.length; c++) {
      const cell = row[c];
      if (isBlank(cell)) appender.appendNull();
      else if (types[c] === 'DOUBLE') appender.appendDouble(cell as number);
      else appender.appendVarchar(textOf(cell as CellValue));
    }
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
};

/** The same words the engine reads as "no" in an opt-out column (values.ts FALSY_FLAGS, as far as they occur). */
const optOutSql = (column: string): string =>
  `(coalesce(trim(${column}), '') NOT IN ('', '-') AND lower(trim(${column})) NOT IN ('nein', 'n', 'no', '0', 'falsch', 'false', 'keine', 'kein'))`;

const hasText = (column: string): string => `coalesce(trim(${column}), '') <> ''`;

/**
 * Typed tables of the roles the SQL works on. The sheet and column names are those of the synthetic workbook: the
 * engine recognises roles and columns from the headers, the SQL is written against them.
 */
const TYPED_TABLES = [
  `CREATE TABLE customers AS SELECT _row AS row, trim("Kundennummer") AS customer_id,
     lower(trim("Kundennummer")) AS ckey, coalesce("Firma", '') AS company,
     coalesce("Vorname", '') AS first_name, coalesce("Nachname", '') AS last_name,
     coalesce("Straße", '') AS street, coalesce("PLZ", '') AS postal_code, coalesce("Ort", '') AS city,
     coalesce(trim("E-Mail"), '') AS email, ${optOutSql('"Werbesperre"')} AS opt_out,
     lower(trim("Branche")) AS branch
   FROM "Kunden" WHERE ${hasText('"Kundennummer"')}`,
  `CREATE TABLE contacts AS SELECT _row AS row, trim("Kontakt-Nr.") AS contact_id,
     coalesce(trim("Kunden-Nr."), '') AS customer_id, lower(trim("Kunden-Nr.")) AS ckey,
     coalesce("Vorname", '') AS first_name, coalesce("Nachname", '') AS last_name,
     ${hasText('"Straße"')} OR ${hasText('"PLZ"')} OR ${hasText('"Ort"')} AS own_address,
     coalesce(trim("E-Mail"), '') AS email, ${optOutSql('"Newsletter abgemeldet"')} AS opt_out,
     lower(trim("Position")) AS position
   FROM "Ansprechpartner"
   WHERE ${hasText('"Kontakt-Nr."')} OR ${hasText('"Vorname"')} OR ${hasText('"Nachname"')} OR ${hasText('"E-Mail"')}`,
  // Dates: Excel serials (1900 system) or text typed as dd.mm.yyyy; a line without customer selects nobody.
  `CREATE TABLE sales AS SELECT lower(trim("Kunden-Nr.")) AS ckey,
     lower(trim("Artikel-Nr.")) AS article_no, lower(trim("Bezeichnung")) AS article_name,
     coalesce(DATE '1899-12-30' + CAST(floor(TRY_CAST("Rechnungsdatum" AS DOUBLE)) AS INTEGER),
              CAST(try_strptime("Rechnungsdatum", '%d.%m.%Y') AS DATE)) AS day,
     "Menge" AS quantity
   FROM "Umsätze" WHERE ${hasText('"Kunden-Nr."')}`,
];

const RECIPIENT_COLUMNS =
  'kind, row, contact_id, customer_id, ckey, first_name, last_name, company, email, opt_out';

/** Contacts with their customer's company (where they have none) and opt-out (a customer's covers its contacts). */
const CONTACT_RECIPIENTS = `SELECT 'c' AS kind, c.row, c.contact_id, c.customer_id, c.ckey, c.first_name, c.last_name,
    coalesce(k.company, '') AS company, c.email, c.opt_out OR coalesce(k.opt_out, false) AS opt_out, c.position
  FROM contacts c LEFT JOIN customers k ON k.ckey = c.ckey`;

/** A selected customer brings all its contacts; a customer without contacts is a recipient itself. */
const recipientsOfCustomers = (selected: string): string => `
  WITH selected AS (${selected})
  SELECT ${RECIPIENT_COLUMNS} FROM (${CONTACT_RECIPIENTS}) r WHERE r.ckey IN (SELECT ckey FROM selected)
  UNION ALL
  SELECT 'k' AS kind, k.row, '' AS contact_id, k.customer_id, k.ckey, k.first_name, k.last_name, k.company, k.email,
    k.opt_out
  FROM customers k
  WHERE k.ckey IN (SELECT ckey FROM selected) AND NOT EXISTS (SELECT 1 FROM contacts c WHERE c.ckey = k.ckey)`;

export const SELECTION_SQL: Record<SelectionName, string> = {
  contacts: `SELECT ${RECIPIENT_COLUMNS} FROM (${CONTACT_RECIPIENTS}) r
    WHERE r.position IN ('einkauf', 'geschäftsführung') AND r.email <> ''`,
  customers: recipientsOfCustomers(`SELECT ckey FROM customers
    WHERE branch = 'bau' AND TRY_CAST(postal_code AS DOUBLE) BETWEEN 1000 AND 9999`),
  purchasedArticles: recipientsOfCustomers(`SELECT ckey FROM sales
    WHERE (article_no IN ('a-1001', 'a-1002', 'artikel 17') OR article_name IN ('a-1001', 'a-1002', 'artikel 17'))
      AND day >= DATE '2026-01-01'
    GROUP BY ckey HAVING sum(coalesce(quantity, 1)) >= 5`),
  inactiveCustomers: recipientsOfCustomers(`SELECT ckey FROM customers k WHERE NOT EXISTS (
    SELECT 1 FROM sales s WHERE s.ckey = k.ckey
      AND s.day BETWEEN CAST(DATE '2026-05-31' - INTERVAL 3 MONTH AS DATE) AND DATE '2026-05-31')`),
};

const SELECTION_ORDER: SelectionName[] = ['contacts', 'customers', 'purchasedArticles', 'inactiveCustomers'];

/**
 * The union with dedupe by the identity cascade, as far as SQL takes it: records with an id are one person per id; a
 * customer standing for itself is the same as each contact person it matches by e-mail (both have one) or by name at
 * the same customer number or company (one has none) — one hop, not transitive. An opt-out blocks its person and every
 * person matched to it; members need a valid e-mail (e-mail campaign); a matched customer adds no second member. The
 * member key is that of the person's first qualifying record.
 */
export const UNION_SQL = `
WITH picked AS (
  ${SELECTION_ORDER.map((name, i) => `SELECT ${i} AS sel, * FROM (${SELECTION_SQL[name]})`).join('\nUNION ALL\n')}
), keyed AS (
  SELECT *,
    CASE WHEN kind = 'c' AND contact_id <> '' THEN 'c:' || contact_id
         WHEN kind = 'k' AND customer_id <> '' THEN 'k:' || customer_id END AS id,
    CASE WHEN contains(lower(trim(email)), '@') THEN lower(trim(email)) END AS email_key,
    nullif(regexp_replace(lower(trim(first_name || ' ' || last_name)), '\\s+', ' ', 'g'), '') AS name,
    nullif(regexp_replace(lower(trim(company)), '\\s+', ' ', 'g'), '') AS company_key,
    regexp_full_match(trim(email), '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$') AS valid_email
  FROM picked
), records AS (
  SELECT *, coalesce(id, 'e:' || email_key, 'n:' || name || '|' || coalesce(company_key, ckey),
                     'r:' || kind || row) AS own_key
  FROM keyed
), contact_people AS (
  SELECT DISTINCT own_key, email_key, name, ckey, company_key FROM records WHERE kind = 'c'
), customer_records AS (
  SELECT DISTINCT own_key, email_key, name, ckey, company_key FROM records WHERE kind = 'k'
), pairs AS (
  SELECT k.own_key AS customer_key, c.own_key AS contact_key
  FROM customer_records k JOIN contact_people c ON k.email_key = c.email_key
  UNION
  SELECT k.own_key, c.own_key
  FROM customer_records k JOIN contact_people c ON k.name = c.name
  WHERE (k.email_key IS NULL OR c.email_key IS NULL) AND (k.ckey = c.ckey OR k.company_key = c.company_key)
), opted_out AS (
  SELECT DISTINCT own_key FROM records WHERE opt_out
), blocked AS (
  SELECT own_key FROM opted_out
  UNION SELECT contact_key FROM pairs WHERE customer_key IN (SELECT own_key FROM opted_out)
  UNION SELECT customer_key FROM pairs WHERE contact_key IN (SELECT own_key FROM opted_out)
), candidates AS (
  SELECT * FROM records WHERE valid_email AND NOT opt_out AND own_key NOT IN (SELECT own_key FROM blocked)
), merged AS (
  SELECT customer_key, min(contact_key) AS contact_key FROM pairs
  WHERE contact_key IN (SELECT own_key FROM candidates) GROUP BY customer_key
), members AS (
  SELECT coalesce(m.contact_key, r.own_key) AS person, arg_min(r.own_key, r.sel * 1e9 + r.row) AS member_key,
    min(r.sel * 1e9 + r.row) AS first_seen
  FROM candidates r LEFT JOIN merged m ON m.customer_key = r.own_key
  GROUP BY person
)
SELECT m.member_key, r.first_name, r.last_name, r.company, r.email
FROM members m JOIN candidates r ON r.own_key = m.member_key AND r.sel * 1e9 + r.row = m.first_seen
ORDER BY m.first_seen`;

export class DuckPeer {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  /** A fresh in-memory database with every sheet appended and the typed tables built. */
  static async ingest(tables: readonly SheetTable[]): Promise<DuckPeer> {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    for (const table of tables) await appendSheet(connection, table);
    for (const sql of TYPED_TABLES) await connection.run(sql);
    return new DuckPeer(instance, connection);
  }

  /** The recipients of one selection, read into JS rows as the add-in would need them; returns their number. */
  async selection(name: SelectionName): Promise<number> {
    const reader = await this.connection.runAndReadAll(SELECTION_SQL[name]);
    return reader.getRows().length;
  }

  /** The target group's member keys, in the order they were first found. */
  async union(): Promise<string[]> {
    const reader = await this.connection.runAndReadAll(UNION_SQL);
    return reader.getRows().map((row) => String(row[0]));
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
