import type { SelectionDefinition, StoredCampaign } from '../../../src/core/campaign/campaign';
import type { Member, TargetGroup } from '../../../src/core/group/targetGroupModel';
import {
  emptyGroup,
  initialWizardState,
  nameError,
  newCampaign,
  wizardReducer,
  type WizardAction,
  type WizardState,
} from '../../../src/taskpane/state/wizardReducer';
import { makeRecipient, makeWorkbookData } from '../../core/builders';

const NOW = '2026-11-20T09:30:00.000Z';

const makeCampaign = (fields: Partial<StoredCampaign> = {}): StoredCampaign => ({
  ...newCampaign('K-1', NOW, 'de'),
  name: 'Herbstaktion',
  ...fields,
});

const makeMember = (key: string, selectionIndex = 0): Member => ({
  key,
  recipient: makeRecipient({
    contactId: key,
    firstName: 'Jörg',
    lastName: 'Müller',
    email: `${key}@example.de`,
  }),
  selectionIndex,
});

const makeGroup = (keys: string[], reportAdded = keys.length): TargetGroup => ({
  ...emptyGroup(),
  members: keys.map((key) => makeMember(key)),
  reports: [
    {
      selectionIndex: 0,
      label: 'Kunden',
      found: reportAdded + 3,
      added: reportAdded,
      alreadyIn: 1,
      merged: 0,
      excluded: { noEmail: 2 },
    },
  ],
});

const run = (state: WizardState, ...actions: WizardAction[]): WizardState =>
  actions.reduce(wizardReducer, state);

const ready = (campaigns: StoredCampaign[] = []): WizardState =>
  run(initialWizardState(), {
    type: 'workbookLoaded',
    data: makeWorkbookData(),
    mapping: undefined,
    campaigns,
  });

const opened = (campaign = makeCampaign(), campaigns: StoredCampaign[] = []): WizardState =>
  run(ready(campaigns), { type: 'campaignOpened', campaign, group: emptyGroup(), screen: 'basics' });

const byCustomers: SelectionDefinition = { from: 'customers', ids: ['10001', '10002'] };

describe('nameError', () => {
  const other = makeCampaign({ id: 'K-2', name: 'Newsletter November' });
  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['x'.repeat(61), 'tooLong'],
    ['newsletter november', 'taken'],
    [' Newsletter November ', 'taken'],
    ['Newsletter Dezember', null],
  ])('%j → %s', (name, expected) => {
    expect(nameError({ id: 'K-1', name }, [other])).toBe(expected);
  });

  it('lets a campaign keep its own name', () => {
    expect(nameError({ id: 'K-2', name: 'Newsletter November' }, [other])).toBeNull();
  });
});

describe('wizardReducer', () => {
  it('starts loading on the home screen', () => {
    expect(initialWizardState()).toMatchObject({
      screen: 'home',
      workbook: { status: 'loading' },
      draft: null,
    });
  });

  it('keeps the campaigns of a workbook whose data could not be read', () => {
    const campaigns = [makeCampaign()];
    const state = run(initialWizardState(), {
      type: 'workbookFailed',
      problems: [{ code: 'sheetRoleNotFound', severity: 'error' }],
      mapping: undefined,
      campaigns,
    });
    expect(state.workbook.status).toBe('failed');
    expect(state.campaigns).toBe(campaigns);
  });

  it.each([
    ['recipients', '', 'basics'],
    ['recipients', 'Herbstaktion', 'recipients'],
    ['use', 'Herbstaktion', 'use'],
    ['basics', '', 'basics'],
  ] as const)('going to %s with name %j ends on %s', (screen, name, expected) => {
    const state = run(opened(makeCampaign({ name })), { type: 'screenChanged', screen });
    expect(state.screen).toBe(expected);
  });

  it('refuses to leave step 1 while the name is taken by another campaign', () => {
    const other = makeCampaign({ id: 'K-2', name: 'Herbstaktion' });
    const state = run(opened(makeCampaign({ name: 'herbstaktion' }), [other]), {
      type: 'screenChanged',
      screen: 'recipients',
    });
    expect(state.screen).toBe('basics');
  });

  it('marks edits of the basics as unsaved', () => {
    const state = run(opened(), {
      type: 'basicsChanged',
      change: { name: 'Weihnachtsgruß', type: 'letter' },
    });
    expect(state.draft).toMatchObject({ name: 'Weihnachtsgruß', type: 'letter' });
    expect(state.unsaved).toBe(true);
  });

  it('appends an applied selection, takes over the group and shows its report', () => {
    const group = makeGroup(['c:1', 'c:2', 'c:3']);
    const state = run(opened(), { type: 'selectionApplied', selection: byCustomers, group });
    expect(state.draft?.selections).toEqual([byCustomers]);
    expect(state.draft?.memberCount).toBe(3);
    expect(state.group).toBe(group);
    expect(state.lastApplied).toEqual(group.reports[0]);
    expect(state.unsaved).toBe(true);
  });

  it('stores a removed member once, and restoring takes only that one back', () => {
    const state = run(
      opened(),
      { type: 'memberRemoved', key: 'c:1', group: makeGroup(['c:2', 'c:3']) },
      { type: 'memberRemoved', key: 'c:2', group: makeGroup(['c:3']) },
      { type: 'memberRemoved', key: 'c:1', group: makeGroup(['c:3']) },
      { type: 'memberRestored', key: 'c:2', group: makeGroup(['c:2', 'c:3']) },
    );
    expect(state.draft?.removed).toEqual(['c:1']);
    expect(state.draft?.memberCount).toBe(2);
  });

  it('removes a selection from the history', () => {
    const second: SelectionDefinition = { from: 'inactiveCustomers', months: 3 };
    const state = run(
      opened(),
      { type: 'selectionApplied', selection: byCustomers, group: makeGroup(['c:1']) },
      { type: 'selectionApplied', selection: second, group: makeGroup(['c:1', 'k:9']) },
      { type: 'selectionRemoved', index: 0, group: makeGroup(['k:9']) },
    );
    expect(state.draft?.selections).toEqual([second]);
    expect(state.lastApplied).toBeNull();
  });

  it('runs one task at a time and cannot leave the step meanwhile', () => {
    const state = run(
      opened(),
      { type: 'screenChanged', screen: 'use' },
      { type: 'operationStarted', task: 'leads' },
      { type: 'operationStarted', task: 'csv' },
      { type: 'screenChanged', screen: 'basics' },
      { type: 'closed' },
    );
    expect(state.operation).toEqual({ status: 'running', task: 'leads' });
    expect(state.screen).toBe('use');
  });

  it('shows the outcome of a finished task and remembers the written target sheet', () => {
    const state = run(
      opened(),
      { type: 'operationStarted', task: 'targetSheet' },
      {
        type: 'operationFinished',
        outcome: { task: 'targetSheet', status: 'success', sheet: 'Herbstaktion', count: 23 },
        targetSheet: 'Herbstaktion',
      },
    );
    expect(state.operation.status).toBe('idle');
    expect(state.outcome).toMatchObject({ sheet: 'Herbstaktion', count: 23 });
    expect(state.draft?.targetSheet).toBe('Herbstaktion');
    expect(state.unsaved).toBe(true);
  });

  it('takes over the start and the group assignment the first use decided, so a later save keeps them', () => {
    const assignment = { control: ['c:2'], contacted: ['c:1', 'c:3'] };
    const state = run(
      opened(makeCampaign({ controlPercent: 10 })),
      { type: 'operationStarted', task: 'targetSheet' },
      {
        type: 'operationFinished',
        outcome: { task: 'targetSheet', status: 'success', sheet: 'Herbstaktion', count: 3 },
        targetSheet: 'Herbstaktion',
        used: { start: '2026-11-20', assignment },
      },
    );
    expect(state.draft).toMatchObject({ start: '2026-11-20', assignment, controlPercent: 10 });
  });

  it('stays unsaved when the user edited while the save was running', () => {
    const saving = run(opened(), { type: 'basicsChanged', change: { name: 'Herbst' } });
    const snapshot = saving.draft as StoredCampaign;
    const edited = run(saving, { type: 'basicsChanged', change: { name: 'Herbst 2026' } });
    const saved = run(edited, {
      type: 'saved',
      campaign: { ...snapshot, updatedAt: NOW },
      campaigns: [snapshot],
    });
    expect(saved.draft?.name).toBe('Herbst 2026');
    expect(saved.unsaved).toBe(true);
  });

  it('is saved once the stored campaign equals the draft', () => {
    const saving = run(opened(), { type: 'basicsChanged', change: { name: 'Herbst' } });
    const snapshot = saving.draft as StoredCampaign;
    const saved = run(saving, {
      type: 'saved',
      campaign: { ...snapshot, updatedAt: NOW },
      campaigns: [snapshot],
    });
    expect(saved.unsaved).toBe(false);
    expect(saved.campaigns).toEqual([snapshot]);
  });

  it.each([
    [{ start: '2026-09-01' }],
    [{ end: '2026-09-30' }],
    [{ cost: 450 }],
    [{ evaluationDays: 60 }],
    [{ status: 'active' }],
    [{ controlPercent: 10 }],
  ] as const)('stays unsaved while the save of an older draft runs, after changing %j', (change) => {
    const before = run(opened(), { type: 'basicsChanged', change: { name: 'Herbst' } });
    const snapshot = before.draft as StoredCampaign;
    const edited = run(before, { type: 'basicsChanged', change });
    expect(edited.draft).toMatchObject(change);
    const saved = run(edited, { type: 'saved', campaign: snapshot, campaigns: [snapshot] });
    expect(saved.unsaved).toBe(true);
    const savedAgain = run(saved, {
      type: 'saved',
      campaign: edited.draft as StoredCampaign,
      campaigns: [edited.draft as StoredCampaign],
    });
    expect(savedAgain.unsaved).toBe(false);
  });

  describe('the evaluation screen', () => {
    const stored = makeCampaign({ id: 'K-7', name: 'Frühjahrsbrief' });

    it('opens from the home screen for a stored campaign and goes back home', () => {
      const evaluating = run(ready([stored]), { type: 'evaluationOpened', campaignId: 'K-7' });
      expect(evaluating).toMatchObject({ screen: 'evaluation', evaluated: 'K-7', draft: null });
      expect(run(evaluating, { type: 'closed' })).toMatchObject({ screen: 'home', evaluated: null });
    });

    it('opened from step 4, goes back to step 4 with the campaign still open', () => {
      const state = run(
        opened(stored, [stored]),
        { type: 'screenChanged', screen: 'use' },
        { type: 'evaluationOpened', campaignId: 'K-7' },
      );
      expect(state.screen).toBe('evaluation');
      const back = run(state, { type: 'closed' });
      expect(back).toMatchObject({ screen: 'use', evaluated: null });
      expect(back.draft?.id).toBe('K-7');
    });

    it.each([
      ['a campaign that is not stored (yet)', ready([stored]), 'K-unknown'],
      [
        'while a task runs',
        run(opened(stored, [stored]), { type: 'operationStarted', task: 'leads' }),
        'K-7',
      ],
    ])('does not open for %s', (_, state, campaignId) => {
      expect(run(state, { type: 'evaluationOpened', campaignId })).toBe(state);
    });
  });

  it('closing returns home and forgets the open campaign', () => {
    const state = run(
      opened(),
      { type: 'selectionApplied', selection: byCustomers, group: makeGroup(['c:1']) },
      { type: 'closed' },
    );
    expect(state).toMatchObject({ screen: 'home', draft: null, lastApplied: null });
    expect(state.group.members).toHaveLength(0);
  });
});
