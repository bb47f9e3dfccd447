import type { Language } from '../core/kernel/language';
import type { Field, SheetRole } from '../core/kernel/model';
import { fieldLabel, roleLabel } from '../core/kernel/problemMessages';
import type { ExclusionReason } from '../core/group/targetGroupModel';
import type { XlsxErrorCode, XlsxErrorParams } from '../xlsx/xlsxErrors';

/** Every text of the command line. German is the source: its keys type the English dictionary. */
const de = {
  help: [
    'kampagne – Kampagnen aus einer Excel-Arbeitsmappe (.xlsx) erstellen, ohne Excel zu öffnen.',
    '',
    'Aufruf:',
    '  kampagne run --workbook <ein.xlsx> --campaign <kampagne.json> --out <aus.xlsx>',
    '               [--csv <datei.csv>] [--leads] [--delimiter ";"|","|tab] [--as-of <JJJJ-MM-TT>]',
    '               [--sheet <rolle>=<blatt> …] [--lang de|en] [--json]',
    '  kampagne sheets --workbook <ein.xlsx> [--sheet <rolle>=<blatt> …] [--lang de|en] [--json]',
    '  kampagne report --workbook <ein.xlsx> [--campaign <name>] [--out <aus.xlsx>] [--lang de|en] [--json]',
    '  kampagne --help',
    '',
    'Befehle:',
    '  run      Baut die Zielgruppe der Kampagne und schreibt --out: die Eingabemappe plus das Blatt der',
    '           Zielgruppe (als Excel-Tabelle), die Kampagnenübersicht und mit --leads das Blatt „Leads“.',
    '           Ein erneuter Lauf auf einer früheren --out-Mappe aktualisiert dieselbe Kampagne (gleicher Name)',
    '           und behält alle Änderungen im Leads-Blatt. Die Eingabemappe wird nie verändert.',
    '           Mit "controlPercent" in der Kampagnendatei (z. B. 10) bleibt ein Anteil der Empfänger als',
    '           Kontrollgruppe zurück: im Blatt markiert, nicht in der CSV, ohne Lead.',
    '  sheets   Zeigt, welches Blatt welche Daten enthält, welche Spalte was bedeutet und welche Probleme',
    '           in den Daten gefunden wurden.',
    '  report   Wertet die in der Arbeitsmappe gespeicherten Kampagnen aus: Käufer, Umsatz und Bestellungen',
    '           der Empfänger und der Kontrollgruppe seit dem Start, der Mehrumsatz mit 95-%-Intervall, die',
    '           Rendite, die Leads nach Status und der Vergleich nach Kampagnentyp. Mit --campaign nur diese',
    '           Kampagne; mit --out zusätzlich eine neue Mappe mit den Blättern „Auswertung“ und',
    '           „Auswertung nach Typ“ (das Diagramm entsteht nur im Add-in, .xlsx-Dateien erhalten die Tabelle).',
    '',
    'Optionen:',
    '  --workbook <datei>   Die Excel-Arbeitsmappe (.xlsx), die gelesen wird.',
    '  --campaign <datei>   Bei run: die Kampagnendefinition (JSON), Beispiele in samples/kampagnen/.',
    '                       Bei report: der Name einer in der Arbeitsmappe gespeicherten Kampagne.',
    '  --out <datei>        Die neue Arbeitsmappe (.xlsx); nicht dieselbe Datei wie --workbook.',
    '  --csv <datei>        Schreibt die Zielgruppe zusätzlich als CSV für den Word-Serienbrief',
    '                       (UTF-8 mit BOM, Zeilenende CRLF).',
    '  --leads              Legt je Empfänger einen Lead im Blatt „Leads“ an oder aktualisiert ihn.',
    '  --delimiter <z>      Trennzeichen der CSV: ";" (Standard), "," oder tab.',
    '  --as-of <datum>      Rechnet so, als wäre heute dieser Tag (Inaktivität, Start); erst damit darf ein',
    '                       "asOf" der Kampagnendatei nach dem heutigen Tag liegen.',
    '  --sheet <r>=<blatt>  Welches Blatt (oder welche Excel-Tabelle) eine Rolle spielt, wenn mehrere passen:',
    '                       contacts, customers, sales oder articles, z. B. --sheet contacts="Kontakte 2024".',
    '                       Die Wahl merkt sich die Ausgabemappe für spätere Läufe.',
    '  --lang de|en         Sprache der Ausgaben (Standard: de, oder en wenn LANG mit en beginnt).',
    '  --json               Gibt das Ergebnis als ein JSON-Objekt auf stdout aus.',
    '  --help               Zeigt diese Hilfe.',
    '',
    'Exit-Codes: 0 Erfolg, 1 Fehler (Datei, Daten, Kampagne), 2 falscher Aufruf.',
  ].join('\n'),
  usageHint: 'Hilfe: kampagne --help',
  usageNoCommand: 'Bitte einen Befehl angeben: run, sheets oder report.',
  usageUnknownCommand: 'Den Befehl „{command}“ gibt es nicht; möglich sind run, sheets und report.',
  usageUnknownOption: 'Die Option „{option}“ gibt es nicht.',
  usageOptionNotForCommand: 'Die Option --{option} gibt es für „{command}“ nicht.',
  usageMissingValue: 'Der Option „{option}“ fehlt ihr Wert.',
  usageUnexpectedArgument:
    'Unerwartetes Argument „{argument}“. Werte gehören hinter eine Option, z. B. --out <datei>.',
  usageMissingOption: 'Für „{command}“ fehlt die Option --{option}.',
  usageBadLanguage: '--lang muss de oder en sein, nicht „{value}“.',
  usageBadDelimiter: '--delimiter muss ";", "," oder tab sein, nicht „{value}“.',
  usageOutNotXlsx: '--out muss auf .xlsx enden, damit Excel die Datei öffnet: „{path}“.',
  usageDelimiterWithoutCsv: '--delimiter wirkt nur zusammen mit --csv.',
  usageOutIsInput:
    '--out ist dieselbe Datei wie --workbook („{path}“). Die Eingabemappe wird nie verändert – bitte eine andere Ausgabedatei wählen.',
  usageCsvIsWorkbook: '--csv darf nicht auf eine der Arbeitsmappen zeigen („{path}“).',
  fileNotFound: 'Die Arbeitsmappe „{path}“ gibt es nicht. Bitte den Pfad bei --workbook prüfen.',
  notXlsx:
    '„{path}“ ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte die Datei in Excel als .xlsx speichern.',
  fileLocked:
    'Auf „{path}“ kann nicht zugegriffen werden. Bitte die Datei in Excel schließen und die Rechte prüfen.',
  writeFailed:
    '„{path}“ konnte nicht geschrieben werden. Bitte prüfen, ob der Ordner beschreibbar ist und die Datei nicht in Excel geöffnet ist.',
  campaignFileNotFound: 'Die Kampagnendatei „{path}“ gibt es nicht. Bitte den Pfad bei --campaign prüfen.',
  campaignFileInvalid: 'Kampagnendatei „{path}“: {problem}',
  campaignFailed: 'Kampagne „{campaign}“ auf „{path}“: {problem}',
  inspectFailed: 'Arbeitsmappe „{path}“: {problem}',
  reportFailed: 'Auswertung von „{path}“: {problem}',
  reportNoCampaigns:
    'In „{path}“ ist keine Kampagne gespeichert. Bitte zuerst mit „kampagne run“ oder im Add-in eine Kampagne anlegen.',
  reportHeadline: 'Kampagne „{name}“ ({type}, {status})',
  reportNoStart: 'Noch kein Start; ausgewertet werden dann {days} Tage ab dem Start.',
  reportStartsLater: 'Start am {start}; ausgewertet werden {days} Tage ab dann.',
  reportWindow: 'Start {start}, ausgewertet bis {end} ({observed} von {days} Tagen)',
  reportVerdict: 'Ergebnis: {verdict}',
  reportContacted: 'Kontaktiert',
  reportControl: 'Kontrollgruppe',
  reportMembers: 'Empfänger',
  reportBuyers: 'Käufer',
  reportConversion: 'Kaufquote',
  reportRevenue: 'Umsatz',
  reportRevenuePerMember: 'Umsatz je Empfänger',
  reportOrders: 'Bestellungen',
  reportConversionUplift: 'Mehr Käufer: {value} Prozentpunkte (95-%-Intervall {low} bis {high})',
  reportRevenueUplift: 'Mehr Umsatz je Empfänger: {value} (95-%-Intervall {low} bis {high})',
  reportIncremental: 'Mehrumsatz insgesamt: {value} (95-%-Intervall {low} bis {high})',
  reportRoi: 'Rendite bei {cost} Kosten: {value} (95-%-Intervall {low} bis {high})',
  reportCost: 'Kosten: {cost}',
  reportLeads: 'Leads: {total} ({statuses}), gewonnen: {won}',
  reportOtherStatus: 'anderer Status',
  reportNotes: 'Hinweise:',
  reportComparison: 'Vergleich nach Kampagnentyp:',
  reportComparisonColumns:
    'Typ|Kampagnen|Kontaktiert|Kontrollgruppe|Kaufquote|Kaufquote Kontrolle|Mehr Käufer (Pp.)|Mehrumsatz|Kosten|Rendite',
  reportNoComparison: 'Vergleich nach Kampagnentyp: noch keine gestartete Kampagne.',
  reportWritten: 'Geschrieben: {path} (Blätter „{sheet}“ und „{typeSheet}“)',
  moreErrors: '(und {count} weitere Fehler)',
  internalError: 'Interner Fehler: {detail} (bitte melden)',
  summaryHeadline: 'Kampagne „{name}“ ({type}): {members} Empfänger',
  summarySelection:
    '  {label}: {matched} gefunden, {added} neu, {alreadyIn} schon enthalten, {excluded} ausgeschlossen',
  summaryExcludedBy: ' ({reasons})',
  summaryControl:
    'Kontrollgruppe: {control} von {members} Empfängern zurückgehalten ({percent} %), ohne CSV-Zeile und ohne Lead; Start {start}',
  summaryTarget: 'Zielgruppe: Blatt „{sheet}“',
  summaryLeads:
    'Leads: Blatt „{sheet}“ – {created} neu, {updated} aktualisiert, {unchanged} unverändert, {notInGroup} nicht mehr in der Zielgruppe',
  summaryWritten: 'Geschrieben: {files}',
  summaryProblems: 'Hinweise zu den Daten ({count}):',
  summaryMoreProblems: '  … und {count} weitere Hinweise',
  summaryNoProblems: 'Keine Hinweise zu den Daten.',
  sheetsHeadline: 'Arbeitsmappe „{path}“',
  sheetsRole: '{sheet}: {role}, Überschriften in Zeile {headerRow}, Datensätze: {records}',
  sheetsColumn: '  {header} → {field}',
  sheetsOptOutColumn: 'Werbesperre (schließt aus)',
  sheetsExtraColumn: 'zusätzliche Spalte (wird übernommen)',
  sheetsRoleMissing: '{role}: kein Blatt erkannt',
  sheetsNoContacts: 'Kein Kontaktblatt: jeder Kunde ist selbst Empfänger.',
  sheetsNoArticles: 'Kein Artikelblatt: die Artikel kommen aus den Umsätzen.',
  sheetsOtherSheets: 'Weitere Blätter (nicht verwendet): {sheets}',
  reasonOptOut: 'Werbesperre',
  reasonNoEmail: 'ohne E-Mail',
  reasonInvalidEmail: 'E-Mail ungültig',
  reasonNoAddress: 'ohne Anschrift',
  reasonNoPhone: 'ohne Telefon',
  reasonRemovedByUser: 'von Hand entfernt',
  usageBadAsOf: '--as-of muss ein Datum wie 2026-05-31 sein, nicht „{value}“.',
  usageBadSheet:
    '--sheet erwartet Rolle=Blatt, z. B. --sheet contacts="Kontakte 2024" (Rollen: contacts, customers, sales, articles), nicht „{value}“.',
  sheetsRoleAmbiguous:
    '{role}: mehrere Blätter passen gleich gut – nichts wird geraten. Bitte wählen mit --sheet {option}="…" (oder "sources" in der Kampagnendatei):',
  sheetsCandidate: '  „{name}“: {rows} Zeilen',
  sheetsCandidateDated: '  „{name}“: {rows} Zeilen, neuestes Datum {newest}',
  encrypted:
    '„{path}“ ist mit einem Kennwort geschützt und lässt sich so nicht lesen. Bitte in Excel öffnen und ohne Kennwort speichern (Datei › Informationen › Arbeitsmappe schützen › Mit Kennwort verschlüsseln: Kennwort löschen), dann diese Kopie angeben.',
  xlsFile:
    '„{path}“ ist eine Arbeitsmappe im alten Format Excel 97–2003 (.xls). Bitte in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.',
  odsFile:
    '„{path}“ ist eine OpenDocument-Tabelle (LibreOffice, OpenOffice). Bitte dort „Speichern unter“ › „Excel 2007-365 (.xlsx)“ wählen.',
  csvFile:
    '„{path}“ ist eine Textdatei (etwa CSV), keine Excel-Arbeitsmappe – vermutlich nur umbenannt. Bitte in Excel öffnen und als „Excel-Arbeitsmappe (*.xlsx)“ speichern.',
  truncated:
    '„{path}“ ist unvollständig – das Ende der Datei fehlt (abgebrochener Download oder Kopiervorgang). Bitte die Datei erneut kopieren oder herunterladen bzw. in Excel neu speichern.',
  tooLarge:
    '„{path}“ braucht zum Lesen etwa {needed} MB Arbeitsspeicher, dieser Aufruf darf {limit} MB nutzen. Entweder mehr erlauben, z. B. NODE_OPTIONS=--max-old-space-size={suggested} vor den Aufruf setzen (bei genug freiem Speicher im Rechner), oder die Datei aufteilen (etwa die Umsätze älterer Jahre in eine eigene Mappe).',
} as const;

export type MessageKey = keyof typeof de;

const en: Record<MessageKey, string> = {
  help: [
    'kampagne – build campaigns from an Excel workbook (.xlsx) without opening Excel.',
    '',
    'Usage:',
    '  kampagne run --workbook <in.xlsx> --campaign <campaign.json> --out <out.xlsx>',
    '               [--csv <file.csv>] [--leads] [--delimiter ";"|","|tab] [--as-of <YYYY-MM-DD>]',
    '               [--sheet <role>=<sheet> …] [--lang de|en] [--json]',
    '  kampagne sheets --workbook <in.xlsx> [--sheet <role>=<sheet> …] [--lang de|en] [--json]',
    '  kampagne report --workbook <in.xlsx> [--campaign <name>] [--out <out.xlsx>] [--lang de|en] [--json]',
    '  kampagne --help',
    '',
    'Commands:',
    '  run      Builds the campaign’s target group and writes --out: the input workbook plus the target group',
    '           sheet (an Excel table), the campaigns overview and, with --leads, the "Leads" sheet.',
    '           Running it again on an earlier --out workbook updates the same campaign (same name) and keeps',
    '           every edit on the Leads sheet. The input workbook is never modified.',
    '           With "controlPercent" in the campaign file (e.g. 10) a share of the recipients is held back as',
    '           a control group: marked on the sheet, left out of the CSV, no lead.',
    '  sheets   Shows which sheet holds which data, what each column means and the problems found in the data.',
    '  report   Evaluates the campaigns stored in the workbook: buyers, revenue and orders of the recipients and',
    '           of the control group since the start, the additional revenue with a 95 % interval, the return,',
    '           the leads by status and the comparison by campaign type. With --campaign only that campaign; with',
    '           --out also a new workbook with the sheets "Evaluation" and "Evaluation by type" (the chart is',
    '           drawn only in the add-in, .xlsx files get the table).',
    '',
    'Options:',
    '  --workbook <file>    The Excel workbook (.xlsx) to read.',
    '  --campaign <file>    For run: the campaign definition (JSON); examples in samples/kampagnen/.',
    '                       For report: the name of a campaign stored in the workbook.',
    '  --out <file>         The new workbook (.xlsx); not the same file as --workbook.',
    '  --csv <file>         Also writes the target group as CSV for Word mail merge (UTF-8 with BOM, CRLF).',
    '  --leads              Creates or updates one lead per recipient on the "Leads" sheet.',
    '  --delimiter <c>      CSV delimiter: ";" (default), "," or tab.',
    '  --as-of <date>       Runs as if today were this day (inactivity, start); only then may an "asOf" of the',
    '                       campaign file lie after today.',
    '  --sheet <r>=<sheet>  Which sheet (or Excel table) plays a role when several fit: contacts, customers,',
    '                       sales or articles, e.g. --sheet contacts="Contacts 2024". The output workbook',
    '                       remembers the choice for later runs.',
    '  --lang de|en         Output language (default: de, or en when LANG starts with en).',
    '  --json               Prints the result as one JSON object on stdout.',
    '  --help               Shows this help.',
    '',
    'Exit codes: 0 success, 1 error (file, data, campaign), 2 wrong usage.',
  ].join('\n'),
  usageHint: 'Help: kampagne --help',
  usageNoCommand: 'Please name a command: run, sheets or report.',
  usageUnknownCommand: 'There is no command "{command}"; use run, sheets or report.',
  usageUnknownOption: 'There is no option "{option}".',
  usageOptionNotForCommand: 'The option --{option} does not apply to "{command}".',
  usageMissingValue: 'The option "{option}" needs a value.',
  usageUnexpectedArgument: 'Unexpected argument "{argument}". Values follow an option, e.g. --out <file>.',
  usageMissingOption: '"{command}" needs the option --{option}.',
  usageBadLanguage: '--lang must be de or en, not "{value}".',
  usageBadDelimiter: '--delimiter must be ";", "," or tab, not "{value}".',
  usageOutNotXlsx: '--out must end in .xlsx so that Excel opens it: "{path}".',
  usageDelimiterWithoutCsv: '--delimiter only applies together with --csv.',
  usageOutIsInput:
    '--out is the same file as --workbook ("{path}"). The input workbook is never modified – please choose another output file.',
  usageCsvIsWorkbook: '--csv must not point to one of the workbooks ("{path}").',
  fileNotFound: 'The workbook "{path}" does not exist. Please check the path given with --workbook.',
  notXlsx: '"{path}" is not a readable Excel workbook (.xlsx). Please save the file as .xlsx in Excel.',
  fileLocked: '"{path}" cannot be accessed. Please close the file in Excel and check the permissions.',
  writeFailed:
    '"{path}" could not be written. Please check that the folder is writable and the file is not open in Excel.',
  campaignFileNotFound:
    'The campaign file "{path}" does not exist. Please check the path given with --campaign.',
  campaignFileInvalid: 'Campaign file "{path}": {problem}',
  campaignFailed: 'Campaign "{campaign}" on "{path}": {problem}',
  inspectFailed: 'Workbook "{path}": {problem}',
  reportFailed: 'Evaluation of "{path}": {problem}',
  reportNoCampaigns:
    'No campaign is stored in "{path}". Please create one first with "kampagne run" or in the add-in.',
  reportHeadline: 'Campaign "{name}" ({type}, {status})',
  reportNoStart: 'Not started yet; {days} days from the start will be evaluated.',
  reportStartsLater: 'Starts on {start}; {days} days from then will be evaluated.',
  reportWindow: 'Start {start}, evaluated until {end} ({observed} of {days} days)',
  reportVerdict: 'Result: {verdict}',
  reportContacted: 'Contacted',
  reportControl: 'Control group',
  reportMembers: 'Recipients',
  reportBuyers: 'Buyers',
  reportConversion: 'Conversion',
  reportRevenue: 'Revenue',
  reportRevenuePerMember: 'Revenue per recipient',
  reportOrders: 'Orders',
  reportConversionUplift: 'More buyers: {value} percentage points (95 % interval {low} to {high})',
  reportRevenueUplift: 'More revenue per recipient: {value} (95 % interval {low} to {high})',
  reportIncremental: 'Additional revenue in total: {value} (95 % interval {low} to {high})',
  reportRoi: 'Return on {cost} cost: {value} (95 % interval {low} to {high})',
  reportCost: 'Cost: {cost}',
  reportLeads: 'Leads: {total} ({statuses}), won: {won}',
  reportOtherStatus: 'other status',
  reportNotes: 'Notes:',
  reportComparison: 'Comparison by campaign type:',
  reportComparisonColumns:
    'Type|Campaigns|Contacted|Control group|Conversion|Conversion control|More buyers (pp)|Additional revenue|Cost|Return',
  reportNoComparison: 'Comparison by campaign type: no campaign has started yet.',
  reportWritten: 'Written: {path} (sheets "{sheet}" and "{typeSheet}")',
  moreErrors: '(and {count} more errors)',
  internalError: 'Internal error: {detail} (please report)',
  summaryHeadline: 'Campaign "{name}" ({type}): {members} recipients',
  summarySelection: '  {label}: {matched} found, {added} added, {alreadyIn} already in, {excluded} excluded',
  summaryExcludedBy: ' ({reasons})',
  summaryControl:
    'Control group: {control} of {members} recipients held back ({percent} %), no CSV row and no lead; start {start}',
  summaryTarget: 'Target group: sheet "{sheet}"',
  summaryLeads:
    'Leads: sheet "{sheet}" – {created} created, {updated} updated, {unchanged} unchanged, {notInGroup} no longer in the target group',
  summaryWritten: 'Written: {files}',
  summaryProblems: 'Notes on the data ({count}):',
  summaryMoreProblems: '  … and {count} more notes',
  summaryNoProblems: 'No notes on the data.',
  sheetsHeadline: 'Workbook "{path}"',
  sheetsRole: '{sheet}: {role}, headers in row {headerRow}, records: {records}',
  sheetsColumn: '  {header} → {field}',
  sheetsOptOutColumn: 'opt-out (excludes)',
  sheetsExtraColumn: 'extra column (carried along)',
  sheetsRoleMissing: '{role}: no sheet recognised',
  sheetsNoContacts: 'No contacts sheet: every customer is a recipient itself.',
  sheetsNoArticles: 'No articles sheet: the articles come from the sales lines.',
  sheetsOtherSheets: 'Other sheets (not used): {sheets}',
  reasonOptOut: 'opt-out',
  reasonNoEmail: 'no e-mail',
  reasonInvalidEmail: 'invalid e-mail',
  reasonNoAddress: 'no address',
  reasonNoPhone: 'no phone',
  reasonRemovedByUser: 'removed by hand',
  usageBadAsOf: '--as-of must be a date such as 2026-05-31, not "{value}".',
  usageBadSheet:
    '--sheet takes role=sheet, e.g. --sheet contacts="Contacts 2024" (roles: contacts, customers, sales, articles), not "{value}".',
  sheetsRoleAmbiguous:
    '{role}: several sheets fit equally well – nothing is guessed. Please choose with --sheet {option}="…" (or "sources" in the campaign file):',
  sheetsCandidate: '  "{name}": {rows} rows',
  sheetsCandidateDated: '  "{name}": {rows} rows, newest date {newest}',
  encrypted:
    '"{path}" is protected by a password and cannot be read as it is. Please open it in Excel and save it without a password (File › Info › Protect Workbook › Encrypt with Password: clear the password), then pass that copy.',
  xlsFile:
    '"{path}" is a workbook in the old Excel 97–2003 format (.xls). Please open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  odsFile:
    '"{path}" is an OpenDocument spreadsheet (LibreOffice, OpenOffice). Please use "Save As" › "Excel 2007-365 (.xlsx)" there.',
  csvFile:
    '"{path}" is a text file (CSV, for instance), not an Excel workbook – probably just renamed. Please open it in Excel and save it as "Excel Workbook (*.xlsx)".',
  truncated:
    '"{path}" is incomplete – the end of the file is missing (an interrupted download or copy). Please copy or download it again, or save it again in Excel.',
  tooLarge:
    '"{path}" needs about {needed} MB of memory to read; this run may use {limit} MB. Either allow more, e.g. put NODE_OPTIONS=--max-old-space-size={suggested} before the command (with enough free memory in the computer), or split the file (the sales of earlier years into a workbook of their own, for instance).',
};

export const MESSAGES: Record<Language, Record<MessageKey, string>> = { de, en };

export type MessageParams = Record<string, string | number>;

const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export interface Texts {
  language: Language;
  t(key: MessageKey, params?: MessageParams): string;
  count(value: number): string;
  role(role: SheetRole): string;
  field(field: Field): string;
  reason(reason: ExclusionReason): string;
  fileError(code: XlsxErrorCode, path: string, params?: XlsxErrorParams): string;
}

/** Numbers in the user's convention ("1.234" / "1,234"); placeholders are `{name}`. */
export const textsFor = (language: Language): Texts => {
  const dictionary = MESSAGES[language];
  const numbers = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB');
  const count = (value: number): string => numbers.format(value);
  const t = (key: MessageKey, params: MessageParams = {}): string =>
    dictionary[key].replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'number' ? count(value) : value;
    });
  return {
    language,
    t,
    count,
    // The template type makes the compiler check that every exclusion reason has its text.
    role: (role) => roleLabel(role, language),
    field: (field) => fieldLabel(field, language),
    reason: (reason) => t(`reason${capitalized(reason)}` as `reason${Capitalize<ExclusionReason>}`),
    fileError: (code, path, params = {}) => t(code, { ...params, path }),
  };
};
