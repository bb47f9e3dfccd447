import type { CampaignDefinition } from '../../../src/core/campaign/campaign';
import { buildTargetGroup } from '../../../src/core/group/targetGroup';
import { mergedRowCount } from '../../../src/core/group/targetGroupModel';
import { workbookRecords } from '../../../src/core/select/recipients';
import { parseWorkbook } from '../../../src/core/read/parseWorkbook';
import { sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { groupForTransfer, groupFromTransfer } from '../../../src/taskpane/services/groupTransfer';

/** Each side parses the same sheets, as the pane and its worker do. */
const parsed = () => {
  const result = parseWorkbook(sampleWorkbookTables());
  if (!result.ok) throw new Error('sample does not parse');
  return result.value;
};

const everyone: CampaignDefinition = {
  name: 'Alle per E-Mail',
  type: 'email',
  selections: [{ from: 'contacts' }, { from: 'customers' }],
};

describe('a target group between the pane and its worker', () => {
  const workerData = parsed();
  const paneData = parsed();
  const group = buildTargetGroup(workerData, everyone, { today: 20_400 });

  it('arrives equal, merged members and exclusions included', () => {
    expect(mergedRowCount(group)).toBeGreaterThan(0);
    expect(group.excluded.length).toBeGreaterThan(0);
    const received = groupFromTransfer(structuredClone(groupForTransfer(group, workerData)), paneData);
    expect(received).toEqual(group);
  });

  it("sends a one-row member's recipient as its record number and gives it the pane's own object", () => {
    const sent = groupForTransfer(group, workerData);
    const asNumbers = sent.members.filter((member) => '$record' in member.recipient);
    expect(asNumbers.length).toBeGreaterThan(group.members.length / 2);
    // a person merged from several rows has a recipient of its own: that one goes whole
    expect(asNumbers.length).toBeLessThan(group.members.length);

    const received = groupFromTransfer(structuredClone(sent), paneData);
    const records = workbookRecords(paneData);
    const shared = received.members.filter((member) =>
      Array.from({ length: records.count }, (_, r) => records.recipient(r)).includes(member.recipient),
    );
    expect(shared).toHaveLength(asNumbers.length);
  });

  it('leaves the group it sends as it was', () => {
    const before = structuredClone(group);
    groupForTransfer(group, workerData);
    expect(group).toEqual(before);
  });
});
