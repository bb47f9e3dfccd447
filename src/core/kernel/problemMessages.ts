import { formatCount } from './formats';
import { fieldLabelOf, roleLabelOf } from './labels';
import type { Language } from './language';
import type { Problem, ProblemCode } from './problems';

type Render = (p: Problem, lang: Language) => string;

const role = (p: Problem, lang: Language): string => roleLabelOf(p.detail, lang);
const field = (p: Problem, lang: Language): string => fieldLabelOf(p.detail, lang);
const detail = (p: Problem): string => (p.detail ? ` (${p.detail})` : '');
/** The value, quoted, with a leading space; nothing for summaries, which stand for many values. */
const quoted = (p: Problem, lang: Language): string => {
  if (!p.value) return '';
  return lang === 'de' ? ` „${p.value}“` : ` "${p.value}"`;
};
const plain = (p: Problem): string => (p.value ? ` ${p.value}` : '');
/** "7, 12 und 20" / "7, 12 and 20". */
const rowList = (p: Problem, lang: Language): string => {
  const rows = (p.rows ?? []).map(String);
  if (rows.length <= 1) return rows.join('');
  return `${rows.slice(0, -1).join(', ')} ${lang === 'de' ? 'und' : 'and'} ${rows[rows.length - 1]}`;
};
const plural = (p: Problem, one: string, many: string): string => ((p.rows?.length ?? 0) > 1 ? many : one);
const inParens = (p: Problem): string => (p.value ? ` (${p.value})` : '');

const DE: Record<ProblemCode, Render> = {
  errorValue: (p) =>
    `Excel-Fehlerwert${plain(p)} – die Zelle wird als leer gelesen. Bitte die Formel prüfen.`,
  invalidDate: (p) => `Der Wert${quoted(p, 'de')} ist kein gültiges Datum – das Datum bleibt leer.`,
  invalidNumber: (p) => `Der Wert${quoted(p, 'de')} ist keine Zahl – der Wert bleibt leer.`,
  invalidEmail: (p) => `Die E-Mail-Adresse${quoted(p, 'de')} ist ungültig. Bitte im Blatt korrigieren.`,
  postalCodeRestored: (p) =>
    `Die PLZ war als Zahl gespeichert; die führende Null wurde ergänzt${inParens(p)}.`,
  rowWithoutKey: () => 'Zeile ohne Kundennummer bzw. ohne Kontakt-Nr., Name und E-Mail – übersprungen.',
  totalsRowSkipped: () => 'Summenzeile – übersprungen.',
  duplicateId: (p) =>
    `Die Nummer${quoted(p, 'de')} kommt mehrfach vor. Alle Zeilen werden gelesen; Zeilen derselben Person werden zusammengeführt, verschiedene Personen bleiben getrennt.`,
  unknownCustomer: (p) => `Die Kundennummer${quoted(p, 'de')} steht nicht im Kundenblatt.`,
  missingPostalCode: () => 'Die PLZ fehlt. Der Brief wird trotzdem erstellt; bitte die PLZ ergänzen.',
  probableDuplicate: (p) =>
    `Wahrscheinlich dieselbe Person wie in ${plural(p, 'Zeile', 'den Zeilen')} ${rowList(p, 'de')} (${p.detail === 'email' ? 'gleiche E-Mail-Adresse' : 'gleicher Name bei derselben Firma'}${quoted(p, 'de')}). Sie bekommt nur eine Nachricht; bitte die Zeilen in der Quelle zusammenführen.`,
  sharedContactId: (p) =>
    `Die Kontakt-Nr.${quoted(p, 'de')} steht auch in ${plural(p, 'Zeile', 'den Zeilen')} ${rowList(p, 'de')}, dort aber für eine andere Person (anderer Name, andere E-Mail). Sie werden als verschiedene Personen behandelt; bitte die Nummer korrigieren.`,
  sheetNotFound: (p) =>
    `Dieses Blatt gibt es in der Arbeitsmappe nicht${p.detail ? ` (als ${role(p, 'de')} gewählt)` : ''}. Bitte die Zuordnung prüfen.`,
  sheetRoleNotFound: (p) =>
    `Kein Blatt für ${role(p, 'de')} gefunden. Bitte das Blatt in der Zuordnung wählen.`,
  sheetRoleAmbiguous: (p) =>
    `Auch das Blatt „${p.detail ?? ''}“ passt als ${roleLabelOf(p.value, 'de')}; verwendet wird dieses. Bei Bedarf die Zuordnung ändern.`,
  headerNotFound: () =>
    'In den ersten 10 Zeilen wurde keine Überschriftenzeile gefunden. Bitte Spaltenüberschriften in eine Zeile oben im Blatt schreiben.',
  columnNotFound: (p) =>
    `Diese Spalte gibt es nicht${p.detail ? ` (als ${field(p, 'de')} gewählt)` : ''}. Bitte die Zuordnung prüfen.`,
  requiredColumnMissing: (p) =>
    `Die Spalte ${field(p, 'de')} wurde nicht erkannt; das Blatt wird nicht gelesen. Bitte die Spalte zuordnen.`,
  unknownArticle: (p) =>
    `Den Artikel${quoted(p, 'de')} gibt es in keiner Umsatzzeile. Bitte Artikelnummer oder Bezeichnung prüfen.`,
  invalidCampaign: (p) =>
    `Die Kampagnendatei ist ungültig${detail(p)}. Bitte die Datei an dieser Stelle korrigieren.`,
  invalidState: (p) =>
    `Die gespeicherten Kampagnendaten sind nicht lesbar${detail(p)}. Das Add-in ändert sie nicht; bitte eine gesicherte Fassung der Arbeitsmappe öffnen oder eine neuere Version des Add-ins verwenden.`,
  campaignNotFound: (p) =>
    `Die Kampagne${quoted(p, 'de')} ist in dieser Arbeitsmappe nicht gespeichert${p.detail ? ` (gespeichert: ${p.detail})` : ''}. Bitte den Namen prüfen.`,
  hostTimeout: () => 'Excel antwortet nicht. Bitte kurz warten und erneut versuchen.',
  payloadTooLarge: () =>
    'Zu viele Daten für eine Anfrage an Excel. Bitte weniger Zeilen auf einmal verarbeiten.',
  hostError: (p) =>
    `Excel meldet einen Fehler${detail(p)}. Bitte erneut versuchen; bleibt der Fehler, Excel neu starten.`,
};

const EN: Record<ProblemCode, Render> = {
  errorValue: (p) => `Excel error value${plain(p)} – the cell is read as empty. Please check the formula.`,
  invalidDate: (p) => `The value${quoted(p, 'en')} is not a valid date – the date stays empty.`,
  invalidNumber: (p) => `The value${quoted(p, 'en')} is not a number – the value stays empty.`,
  invalidEmail: (p) => `The e-mail address${quoted(p, 'en')} is invalid. Please correct it in the sheet.`,
  postalCodeRestored: (p) =>
    `The postal code was stored as a number; its leading zero was restored${inParens(p)}.`,
  rowWithoutKey: () => 'Row without customer ID, or without contact ID, name and e-mail – skipped.',
  totalsRowSkipped: () => 'Totals row – skipped.',
  duplicateId: (p) =>
    `The ID${quoted(p, 'en')} occurs more than once. All rows are read; rows of the same person are merged, different people stay apart.`,
  unknownCustomer: (p) => `The customer ID${quoted(p, 'en')} is not on the customers sheet.`,
  missingPostalCode: () =>
    'The postal code is missing. The letter is still created; please add the postal code.',
  probableDuplicate: (p) =>
    `Probably the same person as in ${plural(p, 'row', 'rows')} ${rowList(p, 'en')} (${p.detail === 'email' ? 'same e-mail address' : 'same name at the same firm'}${quoted(p, 'en')}). They get one message only; please merge the rows in the source.`,
  sharedContactId: (p) =>
    `The contact ID${quoted(p, 'en')} is also used in ${plural(p, 'row', 'rows')} ${rowList(p, 'en')}, there for another person (other name, other e-mail). They are treated as different people; please correct the ID.`,
  sheetNotFound: (p) =>
    `The workbook has no such sheet${p.detail ? ` (chosen for ${role(p, 'en')})` : ''}. Please check the mapping.`,
  sheetRoleNotFound: (p) => `No ${role(p, 'en')} sheet found. Please choose the sheet in the mapping.`,
  sheetRoleAmbiguous: (p) =>
    `The sheet "${p.detail ?? ''}" fits as ${roleLabelOf(p.value, 'en')} too; this one is used. Change the mapping if needed.`,
  headerNotFound: () =>
    'No header row found in the first 10 rows. Please put the column headers in one row at the top of the sheet.',
  columnNotFound: (p) =>
    `There is no such column${p.detail ? ` (chosen as ${field(p, 'en')})` : ''}. Please check the mapping.`,
  requiredColumnMissing: (p) =>
    `The ${field(p, 'en')} column was not recognised; the sheet is not read. Please map the column.`,
  unknownArticle: (p) =>
    `The article${quoted(p, 'en')} occurs in no sales line. Please check the article number or name.`,
  invalidCampaign: (p) => `The campaign file is invalid${detail(p)}. Please correct the file at this point.`,
  invalidState: (p) =>
    `The stored campaign data cannot be read${detail(p)}. The add-in leaves it unchanged; please open a saved copy of the workbook or use a newer version of the add-in.`,
  campaignNotFound: (p) =>
    `The campaign${quoted(p, 'en')} is not stored in this workbook${p.detail ? ` (stored: ${p.detail})` : ''}. Please check the name.`,
  hostTimeout: () => 'Excel is not responding. Please wait a moment and try again.',
  payloadTooLarge: () => 'Too much data for one request to Excel. Please process fewer rows at a time.',
  hostError: (p) => `Excel reported an error${detail(p)}. Please try again; if it persists, restart Excel.`,
};

const MESSAGES: Record<Language, Record<ProblemCode, Render>> = { de: DE, en: EN };

function location(p: Problem, lang: Language): string {
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(lang === 'de' ? `Blatt „${p.sheet}“` : `Sheet "${p.sheet}"`);
  if (p.row !== undefined) parts.push(lang === 'de' ? `Zeile ${p.row}` : `row ${p.row}`);
  if (p.column !== undefined) parts.push(lang === 'de' ? `Spalte „${p.column}“` : `column "${p.column}"`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

function moreSuffix(p: Problem, lang: Language): string {
  if (!p.more) return '';
  const count = formatCount(p.more, lang);
  return lang === 'de'
    ? ` (${count} weitere Fälle, nicht einzeln aufgeführt)`
    : ` (${count} more, not listed one by one)`;
}

/** One problem as a short sentence in the user's language: where, what, and what to do. */
export function describeProblem(p: Problem, lang: Language): string {
  return `${location(p, lang)}${MESSAGES[lang][p.code](p, lang)}${moreSuffix(p, lang)}`;
}
