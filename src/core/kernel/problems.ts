import type { TextPosition } from './jsonText';
import type { SourceCandidate } from './model';

/**
 * Everything that can be wrong with a user's data or setup, as a closed union.
 * Problems are values: they are collected, counted and shown in the user's language (see problemMessages.ts).
 */
export type ProblemCode =
  // cell level
  | 'errorValue' // an Excel error such as #N/A or #WERT! where a value was expected
  | 'invalidDate'
  | 'invalidNumber'
  | 'invalidEmail'
  | 'postalCodeRestored' // a postal code stored as a number lost its leading zero; restored
  // row level
  | 'rowWithoutKey' // e.g. a sales line without customer number
  | 'totalsRowSkipped' // a "Summe"/"Total" row
  | 'duplicateId' // the same contact or customer number twice in one sheet
  | 'unknownCustomer' // a contact or sales line refers to a customer number not in the customer sheet
  | 'missingPostalCode' // letter campaign: street and city present, postal code missing (warning)
  | 'probableDuplicate' // rows of one sheet that are one person (same e-mail, or same name at the firm): merged
  | 'sharedContactId' // one contact number for clearly different people: kept apart
  // sheet and workbook level
  | 'sheetNotFound'
  | 'sheetRoleNotFound' // no sheet recognised as contacts/customers/sales/articles
  | 'sheetRoleAmbiguous'
  | 'headerNotFound'
  | 'columnNotFound' // a column named by a mapping or filter does not exist
  | 'requiredColumnMissing'
  | 'unknownArticle' // a purchasedArticles selection names an article that occurs nowhere
  // campaign definition and state
  | 'invalidCampaign'
  | 'invalidState'
  | 'campaignNotFound' // a campaign named on the command line or in a request is not stored in the workbook
  | 'campaignNotUsed' // a refresh of a campaign whose target group was never used: nothing to compare with
  | 'leadsSheetMissing' // the add-in has leads on a sheet it cannot find any more: no second set of leads
  | 'blocklistCannotName' // the Sperrliste has no column (or the person no value) to name the person by
  | 'forgetNotFound' // "forget" names nobody in the workbook
  | 'forgetAmbiguous' // "forget" names several people: it never guesses which
  | 'forgetUnrecognisable' // nothing could recognise the person again (no e-mail, no full name with firm or postal code)
  | 'historyUnreadable' // a sheet named like the contact history whose header row the add-in cannot find: not written
  // host (workbook adapters)
  | 'hostTimeout'
  | 'payloadTooLarge'
  | 'hostError'
  // campaign file text
  | 'campaignFileSyntax' // not valid JSON; detail: what was expected (JsonExpectation), value: the character found
  | 'unknownCampaignKey' // value: the key's path; detail: the key it most likely meant
  | 'asOfAfterToday' // value: the selection's asOf; detail: today
  // reading workbooks as people keep them
  | 'mergedHeaderSplit' // a header merged over two text columns is read as first and last name (info)
  | 'mergedHeaderUnclear' // a merged header over several columns whose meanings the data does not tell
  | 'formulaNotCalculated' // a formula cell without a calculated value (never calculated since written)
  | 'cellTooLong' // a cell over Excel's 32,767 characters, cut
  | 'controlCharactersRemoved' // invisible control characters removed from a cell
  | 'customerIdSpelling' // the same customer number written differently (00123 / 123, k-1 / K-1)
  // pre-flight before an export: what would print wrong in the merged letter (outputs/preflight.ts)
  | 'letterWithoutStreet'
  | 'postalCodeNotFiveDigits' // a German postal code that is not five digits (a lost leading zero, a typo)
  | 'fieldTooLong' // over 255 characters: Word's Excel connection cuts the rest
  | 'salutationMissing' // a named person without Herr/Frau
  | 'addressLineTooLong'; // wider than the envelope window

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  sheet?: string;
  /** 1-based sheet row, as Excel shows it. */
  row?: number;
  /** Further rows the problem is about (the other rows of a duplicate). */
  rows?: number[];
  /** Column header as in the sheet (or a column letter when there is no header). */
  column?: string;
  /** The offending value, shortened, for the message. */
  value?: string;
  /** Extra detail for the message, e.g. the field path of an invalid campaign file. */
  detail?: string;
  /** Where in a text file (a campaign file) the problem is. */
  position?: TextPosition;
  /** The sheets to choose from when several fit a role ('sheetRoleAmbiguous'). */
  candidates?: SourceCandidate[];
  /** Further occurrences of the same code on the same sheet that were counted but not listed one by one. */
  more?: number;
}

export const problem = (
  code: ProblemCode,
  severity: Severity,
  where: Omit<Problem, 'code' | 'severity'> = {},
): Problem => ({
  code,
  severity,
  ...where,
});
