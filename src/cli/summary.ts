import { DEFAULT_EVALUATION_DAYS } from '../core/campaign/campaign';
import type { CampaignRunResult, LeadsOutcome } from '../core/run/campaignRun';
import { hasControlGroup } from '../core/group/controlGroup';
import { describeProblem } from '../core/kernel/problemMessages';
import type { Problem, Severity } from '../core/kernel/problems';
import type { UnitKind } from '../core/group/identity';
import { REFRESH_CATEGORIES, refreshCounts, type RefreshChange, type RefreshDiff } from '../core/run/refresh';
import { unitKindOf } from '../core/group/targetGroup';
import {
  excludedCount,
  mergedRowCount,
  type Exclusion,
  type ExclusionReason,
  type SelectionReport,
} from '../core/group/targetGroupModel';
import type { Day } from '../core/kernel/model';
import type { PreflightReport } from '../core/outputs/preflight';
import type { LetterRegions } from '../core/outputs/postalOrder';
import { dayToIso, isoToDay } from '../core/kernel/values';
import { formatDay } from '../core/kernel/formats';
import type { MessageKey, Translator } from '../i18n/i18n';
import { letterRegionsText, preflightCountsText } from '../i18n/preflightText';

/** How many data problems the summary lists one by one; the rest is counted. */
export const PROBLEMS_SHOWN = 5;

export interface RunFiles {
  workbook: string;
  /** null in a dry run. */
  out: string | null;
  csv: string | null;
  /** --dry-run: nothing was written. */
  dryRun?: boolean;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A problem that stands for more occurrences (`more`) counts as those; every other problem counts once. */
export const problemCount = (problems: readonly Problem[]): number =>
  problems.reduce((sum, p) => sum + (p.more ?? 1), 0);

/**
 * One of each kind before a second of any, the most severe first: twenty probable duplicates must not hide that a
 * totals row was skipped.
 */
const bySeverity = (problems: readonly Problem[]): Problem[] => {
  const perCode = new Map<string, number>();
  const ranked = problems.map((p) => {
    const nth = (perCode.get(p.code) ?? 0) + 1;
    perCode.set(p.code, nth);
    return { p, nth };
  });
  ranked.sort((a, b) => a.nth - b.nth || SEVERITY_ORDER[a.p.severity] - SEVERITY_ORDER[b.p.severity]);
  return ranked.map(({ p }) => p);
};

/** The first few problems with sheet and row, the most severe first, then how many more there are. */
export const problemLines = (
  problems: readonly Problem[],
  texts: Translator,
  shown = PROBLEMS_SHOWN,
): string[] => {
  if (problems.length === 0) return [texts.t('summaryNoProblems')];
  const listed = bySeverity(problems).slice(0, shown);
  const rest = problemCount(problems) - problemCount(listed);
  return [
    texts.t('summaryProblems', { count: problemCount(problems) }),
    ...listed.map((p) => `  ${describeProblem(p, texts.language)}`),
    ...(rest > 0 ? [texts.t('summaryMoreProblems', { count: rest })] : []),
  ];
};

const selectionLine = (report: SelectionReport, texts: Translator): string => {
  if (report.removed !== undefined)
    return texts.t('summaryRemoval', { label: report.label, found: report.found, removed: report.removed });
  const reasons = (Object.entries(report.excluded) as Array<[ExclusionReason, number]>)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${texts.formatNumber(n)} ${texts.reason(reason)}`);
  const line = texts.t('summarySelection', {
    label: report.label,
    found: report.found,
    added: report.added,
    alreadyIn: report.alreadyIn,
    merged: report.merged,
    excluded: excludedCount(report),
  });
  return reasons.length > 0 ? line + texts.t('summaryExcludedBy', { reasons: reasons.join(', ') }) : line;
};

/** "16.11.2026", "16 Nov 2026", from an ISO date or a day. */
export const dayText = (date: string | Day, texts: Translator): string => {
  const day = typeof date === 'number' ? date : isoToDay(date);
  return day === null ? String(date) : texts.formatFigure({ kind: 'day', value: day });
};

/** Only for a campaign with a control group: how many members were held back, and since when. */
const controlLines = (result: CampaignRunResult, texts: Translator): string[] => {
  const { campaign, group, control } = result;
  if (!hasControlGroup(campaign)) return [];
  const start = campaign.start ? dayText(campaign.start, texts) : '';
  return [
    texts.t('summaryControl', {
      control: control.length,
      members: group.members.length,
      percent: campaign.controlPercent ?? 0,
      start,
    }),
  ];
};

/** The pre-flight: counts per kind, then the first members with what would print wrong, the rest counted. */
export const preflightLines = (
  report: PreflightReport,
  texts: Translator,
  shown = PROBLEMS_SHOWN,
): string[] => {
  const { checked, entries } = report;
  if (entries.length === 0) return [texts.t('summaryPreflightClean', { checked })];
  const listed = entries
    .slice(0, shown)
    .flatMap((entry) =>
      entry.problems.map((p) =>
        texts.t('summaryPreflightEntry', { name: entry.name, problem: describeProblem(p, texts.language) }),
      ),
    );
  const rest = entries.length - Math.min(entries.length, shown);
  return [
    texts.t('summaryPreflight', {
      checked,
      flagged: entries.length,
      counts: preflightCountsText(report, texts),
    }),
    ...listed,
    ...(rest > 0 ? [texts.t('summaryPreflightMore', { count: rest })] : []),
  ];
};

/** Letters only: the letters per Leitregion. */
const regionLines = (regions: LetterRegions | null, texts: Translator): string[] => {
  const line = regions && letterRegionsText(regions, texts);
  return line ? [line] : [];
};

const UNIT_TEXT: Record<UnitKind, MessageKey | null> = {
  person: null,
  address: 'summaryUnitAddress',
  firm: 'summaryUnitFirm',
  household: 'summaryUnitHousehold',
};

/** How many rows went into other members, and why they count as one. */
const mergedLines = (result: CampaignRunResult, texts: Translator): string[] => {
  const merged = mergedRowCount(result.group);
  if (merged === 0) return [];
  const unit = UNIT_TEXT[unitKindOf(result.campaign)];
  return [texts.t('summaryMerged', { merged, unit: unit === null ? '' : texts.t(unit) })];
};

/** Every excluded row with sheet and row (the first few), and where an objection is recorded. */
export const excludedLines = (
  excluded: readonly Exclusion[],
  texts: Translator,
  shown = PROBLEMS_SHOWN,
): string[] => {
  if (excluded.length === 0) return [];
  const line = ({ recipient, reason, carrier, contact }: Exclusion): string => {
    const where = { sheet: recipient.sheet, row: recipient.row, reason: texts.reason(reason) };
    if (contact) {
      const about = { ...where, campaign: contact.campaign, date: formatDay(contact.day, texts.language) };
      return reason === 'controlGroupProtected'
        ? texts.t('summaryExcludedProtected', about)
        : texts.t('summaryExcludedContactLimit', about);
    }
    const elsewhere =
      carrier !== undefined && (carrier.sheet !== recipient.sheet || carrier.row !== recipient.row);
    return elsewhere
      ? texts.t('summaryExcludedCarrier', { ...where, carrierSheet: carrier.sheet, carrierRow: carrier.row })
      : texts.t('summaryExcludedRow', where);
  };
  const rest = excluded.length - shown;
  return [
    texts.t('summaryExcluded', { count: excluded.length }),
    ...excluded.slice(0, shown).map(line),
    ...(rest > 0 ? [texts.t('summaryMoreExcluded', { count: rest })] : []),
  ];
};

const refreshLine = (change: RefreshChange, texts: Translator): string => {
  const { name, where, reason, contact } = change;
  if (!where) return texts.t('refreshEntryGone', { name });
  const at = { name, sheet: where.sheet, row: where.row };
  if (!reason) return texts.t('refreshEntry', at);
  if (contact)
    return texts.t('refreshEntryContact', {
      ...at,
      reason: texts.reason(reason),
      campaign: contact.campaign,
      date: formatDay(contact.day, texts.language),
    });
  return texts.t('refreshEntryReason', { ...at, reason: texts.reason(reason) });
};

/** `--refresh`: before and after, then per category its count and its first few members, the rest counted. */
export const refreshLines = (diff: RefreshDiff, texts: Translator, shown = PROBLEMS_SHOWN): string[] => {
  const { before, after, unchanged } = diff;
  if (diff.changes.length === 0)
    return [texts.t('refreshHeadline', { before, after, unchanged }), texts.t('refreshNothing')];
  const counts = refreshCounts(diff);
  return [
    texts.t('refreshHeadline', { before, after, unchanged }),
    ...REFRESH_CATEGORIES.filter((category) => counts[category] > 0).flatMap((category) => {
      const changes = diff.changes.filter((change) => change.category === category);
      const rest = changes.length - shown;
      return [
        `${texts.t(`refresh_${category}`, { count: changes.length })}:`,
        ...changes.slice(0, shown).map((change) => refreshLine(change, texts)),
        ...(rest > 0 ? [texts.t('refreshMore', { count: rest })] : []),
      ];
    }),
  ];
};

/** What the leads update kept of people's work: fields kept, conflicts (listed), deleted leads not re-created. */
const leadsLines = (leads: LeadsOutcome, texts: Translator): string[] => {
  const { sheet, created, updated, unchanged, notInGroup, keptByHand, conflicts, deleted, merged } = leads;
  return [
    texts.t('summaryLeads', { sheet, created, updated, unchanged, notInGroup }),
    ...(keptByHand > 0 ? [texts.t('summaryLeadsKeptByHand', { count: keptByHand })] : []),
    ...(conflicts.length > 0 ? [texts.t('summaryLeadsConflicts', { count: conflicts.length })] : []),
    ...conflicts.map(({ row, leadId, field }) =>
      texts.t('summaryLeadsConflict', { row, leadId, field: texts.field(field) }),
    ),
    ...(deleted > 0 ? [texts.t('summaryLeadsDeleted', { count: deleted })] : []),
    ...(merged > 0 ? [texts.t('summaryLeadsMerged', { merged })] : []),
  ];
};

/** The human summary of `kampagne run`; with --refresh the difference comes first, and a dry run says it wrote nothing. */
export const runSummaryLines = (result: CampaignRunResult, files: RunFiles, texts: Translator): string[] => {
  const { campaign, group, leads } = result;
  const written = files.dryRun
    ? []
    : [
        texts.t('summaryTarget', { sheet: result.targetSheet }),
        ...(leads ? leadsLines(leads, texts) : []),
        ...(result.history ? [texts.t('summaryHistory', { ...result.history })] : []),
      ];
  const outFiles = [files.out, ...(files.csv ? [files.csv] : [])].filter((file) => file !== null);
  return [
    texts.t('summaryHeadline', {
      name: campaign.name,
      type: texts.campaignType(campaign.type),
      members: group.members.length,
    }),
    ...(result.refresh ? refreshLines(result.refresh, texts) : []),
    ...controlLines(result, texts),
    ...group.reports.map((report) => selectionLine(report, texts)),
    ...mergedLines(result, texts),
    ...excludedLines(group.excluded, texts),
    ...written,
    ...preflightLines(result.preflight, texts),
    ...regionLines(result.letterRegions, texts),
    files.dryRun ? texts.t('refreshDryRun') : texts.t('summaryWritten', { files: outFiles.join(', ') }),
    ...problemLines(result.dataProblems, texts),
  ];
};

/** The refresh for scripts: counts, and each change by category, sheet, row and reason — no names. */
const refreshJson = (diff: RefreshDiff) => ({
  before: diff.before,
  after: diff.after,
  unchanged: diff.unchanged,
  counts: refreshCounts(diff),
  changes: diff.changes.map(({ category, where, reason, contact }) => ({
    category,
    sheet: where?.sheet ?? null,
    row: where?.row ?? null,
    reason: reason ?? null,
    ...(contact ? { contact: { campaign: contact.campaign, date: dayToIso(contact.day) } } : {}),
  })),
});

/**
 * The same as one JSON object, for scripts: counts, the excluded rows by sheet and row, problems — no personal data of
 * the members.
 */
export const runSummaryJson = (result: CampaignRunResult, files: RunFiles, texts: Translator) => {
  const { campaign, group, leads } = result;
  return {
    ok: true,
    campaign: {
      id: campaign.id,
      name: campaign.name,
      type: campaign.type,
      description: campaign.description ?? null,
      language: campaign.language ?? texts.language,
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
      start: campaign.start ?? null,
      end: campaign.end ?? null,
      cost: campaign.cost ?? null,
      evaluationDays: campaign.evaluationDays ?? DEFAULT_EVALUATION_DAYS,
      status: campaign.status ?? 'planned',
      controlPercent: campaign.controlPercent ?? 0,
    },
    files,
    ...(result.refresh ? { refresh: refreshJson(result.refresh) } : {}),
    targetSheet: files.dryRun ? null : result.targetSheet,
    members: group.members.length,
    contacted: group.members.length - result.control.length,
    control: result.control.length,
    merged: mergedRowCount(group),
    excluded: group.excluded.length,
    selections: group.reports.map((report) => ({
      index: report.selectionIndex + 1,
      label: report.label,
      found: report.found,
      added: report.added,
      alreadyIn: report.alreadyIn,
      merged: report.merged,
      excluded: report.excluded,
      ...(report.removed !== undefined ? { removed: report.removed } : {}),
    })),
    excludedRows: group.excluded.map(({ recipient, reason, carrier, contact }) => ({
      sheet: recipient.sheet,
      row: recipient.row,
      reason,
      ...(carrier ? { carrier } : {}),
      ...(contact ? { contact: { campaign: contact.campaign, date: dayToIso(contact.day) } } : {}),
    })),
    leads: files.dryRun ? null : leads,
    history: files.dryRun ? null : result.history,
    preflight: {
      checked: result.preflight.checked,
      flagged: result.preflight.entries.length,
      counts: result.preflight.counts,
      items: result.preflight.entries.map((entry) => ({
        problems: entry.problems.map((p) => ({ ...p, message: describeProblem(p, texts.language) })),
      })),
    },
    letterRegions: result.letterRegions,
    problems: {
      count: problemCount(result.dataProblems),
      items: result.dataProblems.map((p) => ({ ...p, message: describeProblem(p, texts.language) })),
    },
  };
};
