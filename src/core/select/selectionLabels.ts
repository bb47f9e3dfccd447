import {
  removes,
  type FilterCondition,
  type FilterOp,
  type FilterValue,
  type SelectionDefinition,
} from '../campaign/campaign';
import { formatDay } from '../kernel/formats';
import { fieldLabel, roleLabel } from '../kernel/labels';
import type { Language } from '../kernel/language';
import { fieldNamed } from '../kernel/model';
import { isoToDay } from '../kernel/values';

interface LabelTexts {
  /** Before the title of a selection that takes people out. */
  without: string;
  inactive: string;
  all: string;
  selected: (count: number) => string;
  since: string;
  until: string;
  minQuantity: (quantity: number) => string;
  months: (months: number) => string;
  withPurchasesOnly: string;
  recipientsOf: (campaign: string) => string;
  contactedOnly: string;
  contactsOfLast: (days: number) => string;
  allCampaigns: string;
  ops: Record<FilterOp, string>;
}

const TEXTS: Record<Language, LabelTexts> = {
  de: {
    without: 'ohne',
    inactive: 'Inaktive Kunden',
    all: 'alle',
    selected: (count) => `${count} ausgewählt`,
    since: 'ab',
    until: 'bis',
    minQuantity: (quantity) => `mind. ${quantity} Stück`,
    months: (months) => (months === 1 ? '1 Monat' : `${months} Monate`),
    withPurchasesOnly: 'nur mit früheren Käufen',
    recipientsOf: (campaign) => `Empfänger der Kampagne „${campaign}“`,
    contactedOnly: 'nur kontaktierte',
    contactsOfLast: (days) => (days === 1 ? 'Kontakte von heute' : `Kontakte der letzten ${days} Tage`),
    allCampaigns: 'alle Kampagnen',
    ops: {
      equals: '=',
      notEquals: '≠',
      contains: 'enthält',
      startsWith: 'beginnt mit',
      in: 'in',
      isEmpty: 'ist leer',
      isNotEmpty: 'ist nicht leer',
      gt: '>',
      gte: '≥',
      lt: '<',
      lte: '≤',
    },
  },
  en: {
    without: 'without',
    inactive: 'Inactive customers',
    all: 'all',
    selected: (count) => `${count} selected`,
    since: 'from',
    until: 'to',
    minQuantity: (quantity) => `min. quantity ${quantity}`,
    months: (months) => (months === 1 ? '1 month' : `${months} months`),
    withPurchasesOnly: 'with earlier purchases only',
    recipientsOf: (campaign) => `Recipients of campaign "${campaign}"`,
    contactedOnly: 'contacted only',
    contactsOfLast: (days) => (days === 1 ? 'Contacts of today' : `Contacts of the last ${days} days`),
    allCampaigns: 'all campaigns',
    ops: {
      equals: '=',
      notEquals: '≠',
      contains: 'contains',
      startsWith: 'starts with',
      in: 'in',
      isEmpty: 'is empty',
      isNotEmpty: 'is not empty',
      gt: '>',
      gte: '≥',
      lt: '<',
      lte: '≤',
    },
  },
};

/** More than this many articles or values are shortened to "A, B, C +2". */
const MAX_LISTED = 3;

const list = (values: ReadonlyArray<string | number>): string =>
  values.length <= MAX_LISTED
    ? values.join(', ')
    : `${values.slice(0, MAX_LISTED).join(', ')} +${values.length - MAX_LISTED}`;

const valueText = (value: FilterValue | undefined): string =>
  Array.isArray(value) ? `(${list(value)})` : value === undefined ? '' : String(value);

/** "31.12.2026", "31 Dec 2026"; a date the campaign file spells wrongly as it is. */
const dateText = (iso: string, lang: Language): string => {
  const day = isoToDay(iso);
  return day === null ? iso : formatDay(day, lang);
};

const conditionText = (condition: FilterCondition, texts: LabelTexts, lang: Language): string => {
  const field = fieldNamed(condition.column);
  const column = field ? fieldLabel(field, lang) : condition.column.trim();
  const op = texts.ops[condition.op];
  return condition.op === 'isEmpty' || condition.op === 'isNotEmpty'
    ? `${column} ${op}`
    : `${column} ${op} ${valueText(condition.value)}`;
};

const details = (selection: SelectionDefinition, texts: LabelTexts, lang: Language): string[] => {
  switch (selection.from) {
    case 'contacts':
    case 'customers': {
      const parts = (selection.filter ?? []).map((condition) => conditionText(condition, texts, lang));
      if (selection.ids) parts.push(texts.selected(selection.ids.length));
      return parts.length > 0 ? parts : [texts.all];
    }
    case 'purchasedArticles': {
      const parts: string[] = [];
      if (selection.since !== undefined) parts.push(`${texts.since} ${dateText(selection.since, lang)}`);
      if (selection.until !== undefined) parts.push(`${texts.until} ${dateText(selection.until, lang)}`);
      if (selection.minQuantity !== undefined) parts.push(texts.minQuantity(selection.minQuantity));
      return parts;
    }
    case 'inactiveCustomers': {
      const period = texts.months(selection.months);
      const parts = [
        selection.asOf === undefined ? period : `${period} ${texts.until} ${dateText(selection.asOf, lang)}`,
      ];
      if (selection.includeNeverPurchased === false) parts.push(texts.withPurchasesOnly);
      return parts;
    }
    case 'campaignRecipients':
      return selection.contactedOnly ? [texts.contactedOnly] : [];
    case 'recentlyContacted':
      return [texts.allCampaigns];
  }
};

const title = (selection: SelectionDefinition, texts: LabelTexts, lang: Language): string => {
  switch (selection.from) {
    case 'contacts':
    case 'customers':
      return roleLabel(selection.from, lang);
    case 'purchasedArticles':
      return `${roleLabel('articles', lang)} ${list(selection.articles)}`;
    case 'inactiveCustomers':
      return texts.inactive;
    case 'campaignRecipients':
      return texts.recipientsOf(selection.campaign);
    case 'recentlyContacted':
      return texts.contactsOfLast(selection.days);
  }
};

/**
 * The "Quelle"/"Source" of a member: why it is in the list, short, e.g. "1: Kontakte (Ort = Köln)"; a selection that
 * takes people out says so: "2: ohne Artikel A-100 (ab 01.01.2026)".
 * `index` is the 0-based position of the selection in the campaign; users count from 1.
 */
export const describeSelection = (selection: SelectionDefinition, index: number, lang: Language): string => {
  const texts = TEXTS[lang];
  const parts = details(selection, texts, lang);
  const head = `${index + 1}: ${removes(selection) ? `${texts.without} ` : ''}${title(selection, texts, lang)}`;
  return parts.length > 0 ? `${head} (${parts.join(', ')})` : head;
};
