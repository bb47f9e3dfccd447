import { formatDay } from '../../core/kernel/formats';
import { dayToIso } from '../../core/kernel/values';
import { CHANNEL_LABELS, GROUP_LABELS } from '../../core/read/contactHistory';
import {
  findPerson,
  type PersonCampaign,
  type PersonFound,
  type PersonQuery,
  type PersonRows,
} from '../../core/run/personRun';
import type { CommandContext, ExitCode } from '../cliIo';
import type { Translator } from '../../i18n/i18n';
import { printFailure, problemFailure } from '../output';
import { openWorkbook } from '../workbookFile';
import { PERSON_KIND_KEYS } from '../../i18n/personKinds';

export interface PersonOptions {
  workbook: string;
  query: PersonQuery;
  json: boolean;
}

const queryText = ({ email, name, firm }: PersonQuery): string =>
  [email, name, firm].filter((part) => part !== undefined).join(', ');

/** "20.11.2026 (Zielgruppenblatt, CSV-Export)": the channels of one day together. */
const usesText = (uses: PersonCampaign['uses'], language: Translator['language']): string[] => {
  const byDay = new Map<number, string[]>();
  for (const use of uses) {
    const channels = byDay.get(use.day) ?? [];
    if (use.channel) channels.push(CHANNEL_LABELS[language][use.channel]);
    byDay.set(use.day, channels);
  }
  return [...byDay].map(
    ([day, channels]) =>
      `${formatDay(day, language)}${channels.length > 0 ? ` (${channels.join(', ')})` : ''}`,
  );
};

const campaignLine = ({ campaign, group, uses }: PersonCampaign, texts: Translator): string => {
  const when = usesText(uses, texts.language);
  return texts.t('personCampaign', {
    campaign,
    group: GROUP_LABELS[texts.language][group],
    uses: when.length > 0 ? when.join(', ') : texts.t('personNoUses'),
  });
};

const rowsLine = ({ sheet, kind, rows }: PersonRows, texts: Translator): string =>
  texts.t(rows.length === 1 ? 'personRowOne' : 'personRowsMany', {
    sheet,
    rows: rows.join(', '),
    kind: texts.t(PERSON_KIND_KEYS[kind]),
  });

const personLines = (person: PersonFound, texts: Translator): string[] => [
  texts.t(person.email ? 'personHeadlineEmail' : 'personHeadline', {
    name: person.name,
    email: person.email,
  }),
  texts.t('personCampaigns', { count: person.campaigns.length }),
  ...person.campaigns.map((campaign) => campaignLine(campaign, texts)),
  texts.t('personRows'),
  ...person.rows.map((rows) => rowsLine(rows, texts)),
];

const personJson = (person: PersonFound) => ({
  ...person,
  campaigns: person.campaigns.map((campaign) => ({
    ...campaign,
    uses: campaign.uses.map((use) => ({ date: dayToIso(use.day), channel: use.channel })),
  })),
});

/** `kampagne person`: every campaign a person was in and every sheet and row about them (Art. 15 DSGVO). */
export const personCommand = async (
  options: PersonOptions,
  { io, texts }: CommandContext,
): Promise<ExitCode> => {
  const port = await openWorkbook(options.workbook, texts);
  if (!port.ok) return printFailure(port.error, io, options.json);
  const found = await findPerson(port.value, options.query);
  if (!found.ok)
    return printFailure(
      problemFailure(found.error, texts, (problem) =>
        texts.t('personFailed', { path: options.workbook, problem }),
      ),
      io,
      options.json,
    );
  if (options.json) {
    io.out(
      JSON.stringify({
        ok: true,
        workbook: options.workbook,
        query: options.query,
        people: found.value.map(personJson),
      }),
    );
    return 0;
  }
  if (found.value.length === 0) {
    io.out(texts.t('personNotFound', { query: queryText(options.query), path: options.workbook }));
    return 0;
  }
  found.value.forEach((person, i) =>
    [...(i > 0 ? [''] : []), ...personLines(person, texts)].forEach((line) => io.out(line)),
  );
  return 0;
};
