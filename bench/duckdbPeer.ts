/**
 * The peer: the same four selections and the union with dedupe, done by DuckDB from the same JS arrays the engine
 * parses (the SheetTable rows). Ingestion is what an add-in embedding DuckDB would pay: an appender per sheet, then
 * typed tables. Where the SQL differs from the engine's rules, bench/README.md says so.
 */
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { CellValue, SheetTable } from '../src/core/kernel/sheetTable';
import { memberIdentity } from './agreement';
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

/** Every person record of the workbook: the contacts, and the customers without contacts. */
const EVERYONE = `SELECT ${RECIPIENT_COLUMNS} FROM (${CONTACT_RECIPIENTS}) r
  UNION ALL
  SELECT 'k' AS kind, k.row, '' AS contact_id, k.customer_id, k.ckey, k.first_name, k.last_name, k.company, k.email,
    k.opt_out
  FROM customers k WHERE NOT EXISTS (SELECT 1 FROM contacts c WHERE c.ckey = k.ckey)`;

/**
 * The union with dedupe by the identity graph, as far as SQL takes it without a transitive closure. A person is the
 * records with the same full name at the same customer number, else one record (by its id, e-mail or row); every
 * record of this data has a customer number, so the engine's "same company without customer number" never applies,
 * and numbers and e-mails are unique per contact. An opt-out on any record of a
 * person, selected or not, blocks the person; a person is a member when a selection found one of their records and
 * one of their records has a valid e-mail (e-mail campaign); people sharing an e-mail address are one member — one
 * hop, not transitive. The member key is the smallest record key of its people.
 */
const UNION_CTES = `
WITH picked AS (
  ${SELECTION_ORDER.map((name, i) => `SELECT ${i} AS sel, * FROM (${SELECTION_SQL[name]})`).join('\nUNION ALL\n')}
), keyed AS (
  SELECT *,
    CASE WHEN kind = 'c' AND contact_id <> '' THEN 'c:' || contact_id
         WHEN kind = 'k' AND customer_id <> '' THEN 'k:' || customer_id END AS id,
    CASE WHEN contains(lower(trim(email)), '@') THEN lower(trim(email)) END AS email_key,
    nullif(regexp_replace(lower(trim(first_name || ' ' || last_name)), '\\s+', ' ', 'g'), '') AS name,
    nullif(regexp_replace(lower(trim(company)), '\\s+', ' ', 'g'), '') AS company_key,
    regexp_full_match(trim(email), '^[^\\s@]+@[^\\s@.]+(\\.[^\\s@.]+)+$') AS valid_email,
    trim(first_name) <> '' AND trim(last_name) <> '' AS full_name
  FROM (${EVERYONE})
), records AS (
  SELECT *,
    coalesce(id, 'e:' || email_key, 'n:' || name || '|' || coalesce(company_key, ckey), 'r:' || kind || row) AS own_key,
    CASE WHEN full_name AND ckey <> '' THEN 'p:' || name || '|' || ckey
         ELSE coalesce(id, 'e:' || email_key, 'r:' || kind || row) END AS person
  FROM keyed
), people AS (
  SELECT person, min(own_key) AS own_key, bool_or(opt_out) AS blocked, bool_or(valid_email) AS reachable
  FROM records GROUP BY person
), shared AS (
  SELECT a.person, min(b.person) AS unit FROM records a JOIN records b ON a.email_key = b.email_key
  GROUP BY a.person
), units AS (
  SELECT coalesce(s.unit, p.person) AS unit, p.* FROM people p LEFT JOIN shared s USING (person)
), unit_keys AS (
  SELECT unit, min(own_key) AS member_key, bool_or(blocked) AS blocked, bool_or(reachable) AS reachable
  FROM units GROUP BY unit
), found AS (
  SELECT u.unit, min(p.sel * 1e9 + p.row) AS first_seen
  FROM picked p JOIN records r ON r.kind = p.kind AND r.row = p.row JOIN units u ON u.person = r.person
  GROUP BY u.unit
)`;

export const UNION_SQL = `${UNION_CTES}
SELECT k.member_key FROM found f JOIN unit_keys k USING (unit)
WHERE NOT k.blocked AND k.reachable
ORDER BY f.first_seen`;

/** Each member's key with every row of its people (kind and row, comma-separated): the check, not timed. */
const MEMBER_ROWS_SQL = `${UNION_CTES}, unit_rows AS (
  SELECT u.unit, string_agg(r.kind || r.row, ',') AS rows
  FROM units u JOIN records r ON r.person = u.person GROUP BY u.unit
)
SELECT k.member_key, ur.rows FROM found f JOIN unit_keys k USING (unit) JOIN unit_rows ur USING (unit)
WHERE NOT k.blocked AND k.reachable`;

/** The sheets the SQL's record kinds come from ('c' contacts, 'k' customers), as the engine names a row's sheet. */
const SHEET_OF_KIND: Record<string, string> = { c: 'Ansprechpartner', k: 'Kunden' };

/** "c12" → "Ansprechpartner:12", the form `rowIdentity` (bench/agreement.ts) gives the engine's rows. */
const rowOfRecord = (record: string): string => `${SHEET_OF_KIND[record[0]]}:${record.slice(1)}`;

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

  /** Who a selection found, one "Sheet:row" per recipient (the check beside the timed `selection`). */
  async selectionRows(name: SelectionName): Promise<string[]> {
    const reader = await this.connection.runAndReadAll(`SELECT kind || row FROM (${SELECTION_SQL[name]})`);
    return reader.getRows().map((row) => rowOfRecord(String(row[0])));
  }

  /** Each member as "key Sheet:row,Sheet:row…" with every row of its people, sorted (bench/agreement.ts). */
  async memberIdentities(): Promise<string[]> {
    const reader = await this.connection.runAndReadAll(MEMBER_ROWS_SQL);
    return reader
      .getRows()
      .map(([key, rows]) => memberIdentity(String(key), String(rows).split(',').map(rowOfRecord)));
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
