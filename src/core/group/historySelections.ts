import type { HistorySelection } from '../campaign/campaign';
import { identityGraph } from './identity';
import type { ContactEntry, ContactHistorySheet, Day, WorkbookData } from '../kernel/model';

/** A history row names a campaign by its id or by its name, as the user wrote it into the campaign file. */
export const namesCampaign = (entry: ContactEntry, campaign: string): boolean =>
  entry.campaignId === campaign.trim() ||
  entry.campaign.trim().toLowerCase() === campaign.trim().toLowerCase();

/** Within the last `days` days, today included: a contact 30 days ago is outside "the last 30 days". */
export const withinDays = (day: Day, today: Day, days: number): boolean => day <= today && today - day < days;

const matches = (entry: ContactEntry, selection: HistorySelection, today: Day): boolean =>
  selection.from === 'campaignRecipients'
    ? namesCampaign(entry, selection.campaign) && !(selection.contactedOnly && entry.control)
    : !entry.control && withinDays(entry.day, today, selection.days);

/**
 * The records of the people the contact history names for the selection: every record of a person one of whose
 * records carries a recorded key (group/identity.ts), so that a row added to the person since still counts.
 */
export const historyRecords = (data: WorkbookData, selection: HistorySelection, today: Day): number[] => {
  const keys = new Set(
    (data.history?.entries ?? [])
      .filter((entry) => matches(entry, selection, today))
      .map((entry) => entry.key),
  );
  if (keys.size === 0) return [];
  const graph = identityGraph(data);
  const people = new Set<number>();
  for (let record = 0; record < graph.records.count; record++)
    if (keys.has(graph.keyOf(record))) people.add(graph.person[record]);
  const records: number[] = [];
  for (let record = 0; record < graph.records.count; record++)
    if (people.has(graph.person[record])) records.push(record);
  return records;
};

/** A campaign the contact history names, as the pane offers it for "Empfänger der Kampagne …". */
export interface HistoryCampaign {
  name: string;
  /** The day it was last used. */
  lastDay: Day;
  /** How many people it reached or held back. */
  people: number;
}

/** The campaigns of the contact history, the latest used first; rows typed in by hand count by their name. */
export const historyCampaigns = (history: ContactHistorySheet | undefined): HistoryCampaign[] => {
  const byName = new Map<string, { name: string; lastDay: Day; keys: Set<string> }>();
  for (const entry of history?.entries ?? []) {
    const name = entry.campaign.trim();
    if (name === '') continue;
    const id = name.toLowerCase();
    const found = byName.get(id) ?? { name, lastDay: entry.day, keys: new Set<string>() };
    found.lastDay = Math.max(found.lastDay, entry.day);
    found.keys.add(entry.key);
    byName.set(id, found);
  }
  return [...byName.values()]
    .map(({ name, lastDay, keys }) => ({ name, lastDay, people: keys.size }))
    .sort((a, b) => b.lastDay - a.lastDay || a.name.localeCompare(b.name));
};
