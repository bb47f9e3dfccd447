import { formatCount, formatDay } from './formats';
import { fieldLabelOf, labelOf, roleLabelOf } from './labels';
import type { Language } from './language';
import type { SourceCandidate } from './model';
import type { JsonExpectation } from './jsonText';
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
const QUOTES: Record<Language, [string, string]> = { de: ['„', '“'], en: ['"', '"'] };
const quote = (text: string, lang: Language): string => `${QUOTES[lang][0]}${text}${QUOTES[lang][1]}`;
const ROWS: Record<Language, [string, string]> = { de: ['Zeile', 'Zeilen'], en: ['row', 'rows'] };

/** "„Kontakte 2024“ (120 Zeilen, neuestes Datum 12.03.2024)": what a person needs to choose. */
const candidate = (c: SourceCandidate, lang: Language): string => {
  const rows = `${formatCount(c.rows, lang)} ${ROWS[lang][c.rows === 1 ? 0 : 1]}`;
  const newest =
    c.newest === null
      ? ''
      : `, ${lang === 'de' ? 'neuestes Datum' : 'newest date'} ${formatDay(c.newest, lang)}`;
  return `${quote(c.name, lang)} (${rows}${newest})`;
};
const candidates = (p: Problem, lang: Language): string =>
  (p.candidates ?? []).map((c) => candidate(c, lang)).join(', ');
const rowsChecked = (p: Problem, lang: Language): string => {
  const [first, last] = (p.detail ?? '1-30').split('-');
  return lang === 'de' ? `${first} bis ${last}` : `${first} to ${last}`;
};
/** "Name", "Name (2)", …: the names the columns under a merged header are read with. */
const mergedNames = (p: Problem, lang: Language): string =>
  Array.from({ length: Number(p.detail) || 2 }, (_, i) =>
    quote(i === 0 ? (p.value ?? '') : `${p.value ?? ''} (${i + 1})`, lang),
  ).join(', ');

const JSON_EXPECTATIONS: Record<Language, Record<JsonExpectation, string>> = {
  de: {
    value: 'ein Wert',
    propertyName: 'ein Eintragsname in doppelten Anführungszeichen',
    colon: '„:“',
    commaOrBrace: '„,“ oder „}“',
    commaOrBracket: '„,“ oder „]“',
    stringEnd: 'das Ende des Textes („"“)',
    end: 'das Ende der Datei',
  },
  en: {
    value: 'a value',
    propertyName: 'an entry name in double quotes',
    colon: '":"',
    commaOrBrace: '"," or "}"',
    commaOrBracket: '"," or "]"',
    stringEnd: "the end of the text ('\"')",
    end: 'the end of the file',
  },
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
    `Als ${role(p, 'de')} passen mehrere Blätter gleich gut: ${candidates(p, 'de')}. Welches gilt, wird nicht geraten: bitte wählen (im Add-in unter „Zuordnung ändern“, auf der Kommandozeile mit --sheet ${p.detail}="…", in der Kampagnendatei unter "sources").`,
  headerNotFound: (p) =>
    `In den Zeilen ${rowsChecked(p, 'de')} steht keine Überschriftenzeile (mindestens zwei bekannte Überschriften wie „Vorname“, „E-Mail“ oder „Kunden-Nr.“); das Blatt wird nicht gelesen. Bitte die Überschriften in eine Zeile schreiben oder das Blatt in der Zuordnung wählen.`,
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
  campaignNotUsed: (p) =>
    `Die Kampagne${quoted(p, 'de')} wurde noch nicht verwendet: Es gibt keine verwendete Zielgruppe, mit der ein Aktualisieren vergleichen könnte. Bitte ohne --refresh ausführen.`,
  leadsSheetMissing: () =>
    'Das Leads-Blatt wurde nicht gefunden, weder unter diesem Namen noch an seiner Kennung. Damit keine Arbeit des Vertriebs verloren geht, legt das Add-in keine zweiten Leads an. Bitte das Blatt wiederherstellen (z. B. aus einer Sicherung) oder ausdrücklich ein neues Leads-Blatt anlegen (im Aufgabenbereich bestätigen, auf der Kommandozeile mit --new-leads-sheet).',
  blocklistCannotName: () =>
    'Die Person kann auf der Sperrliste nicht benannt werden: Dafür braucht es eine E-Mail-Adresse oder Vor- und Nachname mit PLZ oder Ort, in der Person und als Spalte der Sperrliste. Es wurde nichts eingetragen. Bitte die Spalte in der Sperrliste ergänzen oder die Person dort von Hand eintragen.',
  forgetNotFound: (p) =>
    `Niemand in dieser Arbeitsmappe passt zu${quoted(p, 'de')}. Es wurde nichts gelöscht. Bitte E-Mail-Adresse oder Name (und Firma) prüfen.`,
  forgetAmbiguous: (p) =>
    `Zu${quoted(p, 'de')} passen mehrere Personen${detail(p)}. Es wurde nichts gelöscht. Bitte genauer angeben, z. B. mit E-Mail-Adresse oder Firma.`,
  forgetUnrecognisable: (p) =>
    `${p.value ? `${quote(p.value, 'de')} hat` : 'Die Person hat'} weder E-Mail-Adresse noch Vor- und Nachname mit Firma oder PLZ: Die Sperrliste könnte sie nicht wiedererkennen. Es wurde nichts gelöscht. Bitte die fehlende Angabe im Kontakt ergänzen oder die Person von Hand löschen.`,
  historyUnreadable: () =>
    'Die Kontakthistorie hat keine erkennbare Überschriftenzeile (Datum, Kampagne, Personenschlüssel …): Kontaktgrenze und Auswahlen aus der Historie sehen sie nicht, und damit nichts überschrieben wird, trägt das Add-in dort nichts ein. Bitte die Überschriften wiederherstellen oder das Blatt umbenennen; dann legt das Add-in eine neue Kontakthistorie an.',
  hostTimeout: () => 'Excel antwortet nicht. Bitte kurz warten und erneut versuchen.',
  payloadTooLarge: () =>
    'Zu viele Daten für eine Anfrage an Excel. Bitte weniger Zeilen auf einmal verarbeiten.',
  hostError: (p) =>
    `Excel meldet einen Fehler${detail(p)}. Bitte erneut versuchen; bleibt der Fehler, Excel neu starten.`,
  campaignFileSyntax: (p) =>
    `Die Kampagnendatei ist kein gültiges JSON: erwartet ${labelOf(JSON_EXPECTATIONS.de, p.detail)}, ${p.value ? `gefunden „${p.value}“` : 'aber die Datei endet hier'}. Bitte die Datei an dieser Stelle korrigieren.`,
  unknownCampaignKey: (p) =>
    `Den Eintrag${quoted(p, 'de')} gibt es in Kampagnendateien nicht${p.detail ? ` – meinten Sie „${p.detail}“?` : '. Bitte entfernen oder die Schreibweise prüfen.'}`,
  asOfAfterToday: (p) =>
    `Der Stichtag${quoted(p, 'de')} liegt nach heute (${p.detail ?? ''}). Soll die Kampagne mit Absicht von einem späteren Tag aus rechnen, diesen Tag mit --as-of angeben.`,
  mergedHeaderSplit: (p) =>
    `Die Überschrift${quoted(p, 'de')} reicht über zwei Spalten mit Text; gelesen als Vorname (erste Spalte) und Nachname (zweite). Bei Bedarf die Zuordnung ändern.`,
  mergedHeaderUnclear: (p) =>
    `Die Überschrift${quoted(p, 'de')} reicht über ${p.detail ?? 'mehrere'} Spalten; was in welcher steht, geht aus den Daten nicht hervor und wird nicht geraten. Die Spalten heißen ${mergedNames(p, 'de')}: bitte zuordnen (im Add-in unter „Zuordnung ändern“, in der Kampagnendatei unter "columns") oder in Excel jeder Spalte ihre eigene Überschrift geben.`,
  formulaNotCalculated: () =>
    'Die Formel hat keinen berechneten Wert (die Datei wurde gespeichert, ohne dass gerechnet wurde) – die Zelle wird als leer gelesen. In Excel einmal neu berechnen und speichern.',
  cellTooLong: (p) =>
    `Die Zelle hat ${p.value ?? 'mehr als 32767'} Zeichen, mehr als eine Excel-Zelle fassen kann (32.767); sie wird nach 32.767 Zeichen abgeschnitten.`,
  controlCharactersRemoved: () =>
    'Die Zelle enthielt unsichtbare Steuerzeichen (etwa aus einem kopierten Text); sie wurden entfernt.',
  customerIdSpelling: (p) =>
    `Die Kundennummer${quoted(p, 'de')} steht im Kundenblatt als „${p.detail ?? ''}“ (führende Nullen, Zahlenformat oder Groß-/Kleinschreibung); beide gelten als dieselbe Nummer.`,
  letterWithoutStreet: () =>
    'Keine Straße und kein Postfach – der Brief kann nicht zugestellt werden. Bitte die Anschrift ergänzen.',
  postalCodeNotFiveDigits: (p) =>
    `Die PLZ${quoted(p, 'de')} hat nicht fünf Ziffern – die Post kann den Brief nicht sortieren. Bitte die PLZ prüfen (fehlt eine führende Null?).`,
  fieldTooLong: (p) =>
    `Das Feld ${p.detail ?? ''} hat ${p.value ?? ''} Zeichen; Word liest aus Excel nur 255 und schneidet den Rest ab. Bitte kürzen.`,
  salutationMissing: () =>
    'Keine Anrede (Herr/Frau) – der Brief nennt die Person ohne „Herrn“/„Frau“ und grüßt nicht mit „Sehr geehrte/r“. Bitte die Anrede ergänzen.',
  addressLineTooLong: (p) =>
    `Die Anschriftzeile${quoted(p, 'de')} ist länger als 40 Zeichen und passt nicht ins Fenster des Umschlags. Bitte kürzen.`,
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
    `Several sheets fit as ${role(p, 'en')} equally well: ${candidates(p, 'en')}. This is not guessed: please choose one (in the add-in under "Change mapping", on the command line with --sheet ${p.detail}="…", in the campaign file under "sources").`,
  headerNotFound: (p) =>
    `Rows ${rowsChecked(p, 'en')} hold no header row (at least two known headers such as "First name", "E-mail" or "Customer ID"); the sheet is not read. Please put the headers in one row or choose the sheet in the mapping.`,
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
  campaignNotUsed: (p) =>
    `The campaign${quoted(p, 'en')} has not been used yet: there is no used target group a refresh could compare with. Please run it without --refresh.`,
  leadsSheetMissing: () =>
    'The Leads sheet was not found, neither by this name nor by its id. So that no work of the sales team is lost, the add-in creates no second set of leads. Please restore the sheet (e.g. from a backup) or explicitly start a new Leads sheet (confirm in the task pane; on the command line with --new-leads-sheet).',
  blocklistCannotName: () =>
    'The person cannot be named on the blocklist: that needs an e-mail address, or first and last name with postal code or town, both for the person and as a column of the blocklist. Nothing was added. Please add the column to the blocklist or enter the person there by hand.',
  forgetNotFound: (p) =>
    `Nobody in this workbook matches${quoted(p, 'en')}. Nothing was deleted. Please check the e-mail address or the name (and firm).`,
  forgetAmbiguous: (p) =>
    `Several people match${quoted(p, 'en')}${detail(p)}. Nothing was deleted. Please be more specific, e.g. with the e-mail address or the firm.`,
  forgetUnrecognisable: (p) =>
    `${p.value ? `${quote(p.value, 'en')} has` : 'The person has'} neither an e-mail address nor first and last name with firm or postal code: the blocklist could not recognise them again. Nothing was deleted. Please add the missing detail to the contact or delete the person by hand.`,
  historyUnreadable: () =>
    'The contact history has no header row the add-in recognises (Date, Campaign, Person key …): the contact limit and the selections on the history do not see it, and so that nothing is overwritten the add-in enters nothing there. Please restore the headers or rename the sheet; the add-in then starts a new contact history.',
  hostTimeout: () => 'Excel is not responding. Please wait a moment and try again.',
  payloadTooLarge: () => 'Too much data for one request to Excel. Please process fewer rows at a time.',
  hostError: (p) => `Excel reported an error${detail(p)}. Please try again; if it persists, restart Excel.`,
  campaignFileSyntax: (p) =>
    `The campaign file is not valid JSON: expected ${labelOf(JSON_EXPECTATIONS.en, p.detail)}, ${p.value ? `found "${p.value}"` : 'but the file ends here'}. Please correct the file at this point.`,
  unknownCampaignKey: (p) =>
    `Campaign files have no entry${quoted(p, 'en')}${p.detail ? ` – did you mean "${p.detail}"?` : '. Please remove it or check its spelling.'}`,
  asOfAfterToday: (p) =>
    `The reference day${quoted(p, 'en')} is after today (${p.detail ?? ''}). To run the campaign as of a later day on purpose, give that day with --as-of.`,
  mergedHeaderSplit: (p) =>
    `The header${quoted(p, 'en')} spans two columns of text; read as first name (first column) and last name (second). Change the mapping if needed.`,
  mergedHeaderUnclear: (p) =>
    `The header${quoted(p, 'en')} spans ${p.detail ?? 'several'} columns; which holds what is not clear from the data and is not guessed. The columns are called ${mergedNames(p, 'en')}: please map them (in the add-in under "Change mapping", in the campaign file under "columns") or give each column its own header in Excel.`,
  formulaNotCalculated: () =>
    'The formula has no calculated value (the file was saved without calculating) – the cell is read as empty. Recalculate once in Excel and save.',
  cellTooLong: (p) =>
    `The cell holds ${p.value ?? 'more than 32767'} characters, more than an Excel cell can (32,767); it is cut after 32,767 characters.`,
  controlCharactersRemoved: () =>
    'The cell held invisible control characters (from pasted text, for instance); they were removed.',
  customerIdSpelling: (p) =>
    `The customer ID${quoted(p, 'en')} is written "${p.detail ?? ''}" on the customers sheet (leading zeros, number format or case); both count as the same ID.`,
  letterWithoutStreet: () =>
    'No street and no PO box – the letter cannot be delivered. Please complete the address.',
  postalCodeNotFiveDigits: (p) =>
    `The postal code${quoted(p, 'en')} does not have five digits – the post cannot sort the letter. Please check it (a lost leading zero?).`,
  fieldTooLong: (p) =>
    `The field ${p.detail ?? ''} has ${p.value ?? ''} characters; Word reads only 255 from Excel and cuts the rest. Please shorten it.`,
  salutationMissing: () =>
    'No salutation (Mr/Ms) – the letter names the person without "Mr"/"Ms" and cannot greet them as such. Please add the salutation.',
  addressLineTooLong: (p) =>
    `The address line${quoted(p, 'en')} is longer than 40 characters and does not fit the envelope window. Please shorten it.`,
};

const MESSAGES: Record<Language, Record<ProblemCode, Render>> = { de: DE, en: EN };

function location(p: Problem, lang: Language): string {
  const parts: string[] = [];
  if (p.sheet !== undefined) parts.push(lang === 'de' ? `Blatt „${p.sheet}“` : `Sheet "${p.sheet}"`);
  if (p.position !== undefined) {
    const { line, column } = p.position;
    parts.push(lang === 'de' ? `Zeile ${line}, Spalte ${column}` : `line ${line}, column ${column}`);
  }
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
