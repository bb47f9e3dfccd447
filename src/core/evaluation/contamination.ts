import type { Day } from '../kernel/model';
import { customerKey } from '../read/customerKeys';
import type { OtherCampaign } from './evaluate';
import type { WorkedLead } from './leadFigures';
import type { EvaluatedMember, EvaluationNote } from './model';

/**
 * Control members who were contacted anyway while their purchases counted: in another campaign's contacted group
 * whose window overlaps, or through a lead of such a campaign that sales worked (status set, note written) for their
 * customer. The analysis stays by original assignment; the count says how much the effect may have shrunk.
 */
export const contaminationNote = (
  members: readonly EvaluatedMember[],
  others: readonly OtherCampaign[],
  leads: readonly WorkedLead[],
  window: { start: Day; end: Day },
): EvaluationNote[] => {
  const overlapping = others.filter(
    (other) =>
      other.start !== null &&
      other.windowEnd !== null &&
      other.start <= window.end &&
      window.start <= other.windowEnd,
  );
  if (overlapping.length === 0) return [];
  const ids = new Set(overlapping.flatMap((other) => (other.id === undefined ? [] : [other.id])));
  const workedCustomers = new Set(
    leads.filter((lead) => ids.has(lead.campaignId)).map((lead) => lead.customerKey),
  );
  const names = new Set<string>();
  let count = 0;
  let viaLeads = 0;
  for (const member of members) {
    if (member.group !== 'control') continue;
    const reached = overlapping.filter((other) => (other.contacted ?? other.keys).has(member.key));
    const key = customerKey(member.customerId);
    const worked = key !== '' && workedCustomers.has(key);
    if (reached.length === 0 && !worked) continue;
    count++;
    if (reached.length === 0) viaLeads++;
    reached.forEach((other) => names.add(other.name));
  }
  return count > 0 ? [{ code: 'contamination', count, campaigns: [...names], leads: viaLeads }] : [];
};
