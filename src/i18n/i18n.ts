import type { CampaignStatus, CampaignType } from '../core/campaign/campaign';
import { campaignStatusLabel } from '../core/campaign/campaignStatus';
import { campaignTypeLabel } from '../core/campaign/campaignTypes';
import { exclusionReasonLabel, type ExclusionReason } from '../core/group/targetGroupModel';
import { formatCount, formatDateTime, formatFigure, type Figure } from '../core/kernel/formats';
import { fieldLabel, roleLabel } from '../core/kernel/labels';
import type { Language } from '../core/kernel/language';
import type { Field, SheetRole } from '../core/kernel/model';
import { de, type MessageKey } from './de';
import { en } from './en';

export type { MessageKey };
export type Params = Record<string, string | number>;

const dictionaries: Record<Language, Record<MessageKey, string>> = { de, en };

/** The texts, labels and formats of one language: the task pane and the command line both speak through this. */
export interface Translator {
  language: Language;
  /** A text of the dictionary; `{name}` placeholders are filled, numbers in the language's format ("1.234"). */
  t(key: MessageKey, params?: Params): string;
  /** "41,20 €", "+3,0 Pp.", "12,5 %", "31.12.2026" (core/kernel/formats.ts). */
  formatFigure(figure: Figure): string;
  formatNumber(value: number): string;
  /** A moment (ISO timestamp) in the reader's time zone. */
  formatDateTime(iso: string): string;
  role(role: SheetRole): string;
  field(field: Field): string;
  reason(reason: ExclusionReason): string;
  campaignType(type: CampaignType): string;
  campaignStatus(status: CampaignStatus): string;
}

export const createTranslator = (language: Language): Translator => {
  const dictionary = dictionaries[language];
  const format = (value: string | number): string =>
    typeof value === 'number' ? formatCount(value, language) : value;
  return {
    language,
    t: (key, params) =>
      dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        params && name in params ? format(params[name]) : whole,
      ),
    formatFigure: (figure) => formatFigure(figure, language),
    formatNumber: (value) => formatCount(value, language),
    formatDateTime: (iso) => formatDateTime(iso, language),
    role: (role) => roleLabel(role, language),
    field: (field) => fieldLabel(field, language),
    reason: (reason) => exclusionReasonLabel(reason, language),
    campaignType: (type) => campaignTypeLabel(type, language),
    campaignStatus: (status) => campaignStatusLabel(status, language),
  };
};
