import type { Recipient, WorkbookData } from '../../core/kernel/model';
import type { Exclusion, Member, TargetGroup } from '../../core/group/targetGroupModel';
import { identityGraph } from '../../core/group/identity';
import { workbookRecords } from '../../core/select/recipients';

/** A recipient both sides have: the workbook's record with this number (both parsed the same data). */
interface RecordRef {
  $record: number;
}

const isRef = (value: Recipient | RecordRef): value is RecordRef => '$record' in value;

/**
 * The group as it goes to the other thread: a member's recipient that is one of the workbook's records goes as that
 * record's number. Most members are one record; their recipients were most of what a preview sent back (150,000
 * objects at 300,000 contacts), and the receiving side already holds the same objects. The worker sends groups so;
 * the pane sends them whole, since finding the records would cost its main thread an index over all rows.
 */
export function groupForTransfer(group: TargetGroup, data: WorkbookData): TargetGroup {
  const graph = identityGraph(data);
  const ref = (recipient: Recipient): Recipient => {
    const record = graph.recordAt(recipient);
    return record >= 0 && graph.records.recipient(record) === recipient
      ? ({ $record: record } as RecordRef as unknown as Recipient)
      : recipient;
  };
  return {
    ...group,
    members: group.members.map((member) => ({ ...member, recipient: ref(member.recipient) })),
    excluded: group.excluded.map((exclusion) => ({ ...exclusion, recipient: ref(exclusion.recipient) })),
  };
}

/** The group received, its record numbers replaced by this side's recipients; in place. */
export function groupFromTransfer(group: TargetGroup, data: WorkbookData): TargetGroup {
  const records = workbookRecords(data);
  const resolve = (item: Member | Exclusion) => {
    const recipient = item.recipient as Recipient | RecordRef;
    if (isRef(recipient)) item.recipient = records.recipient(recipient.$record);
  };
  group.members.forEach(resolve);
  group.excluded.forEach(resolve);
  return group;
}
