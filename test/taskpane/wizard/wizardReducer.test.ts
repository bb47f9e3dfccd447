import type { SelectionDefinition, StoredCampaign } from '../../../src/core/campaign/campaign';
import { emptyTargetGroup } from '../../../src/core/group/targetGroup';
import type { Member, TargetGroup } from '../../../src/core/group/targetGroupModel';
import {
  editedDraft,
  initialWizardState,
  isEditing,
  nameError,
  newCampaign,
  openCampaignOf,
  wizardReducer,
  type GroupEdit,
  type OpenCampaign,
  type WizardAction,
  type WizardState,
} from '../../../src/taskpane/wizard/wizardReducer';
import { makeRecipient, makeWorkbookData } from '../../core/builders';
import type { WorkbookData } from '../../../src/core/kernel/model';

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
  ...emptyTargetGroup(),
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
  run(initialWizardState(campaigns), {
    type: 'workbookLoaded',
    data: makeWorkbookData(),
    mapping: undefined,
  });

const opened = (campaign = makeCampaign(), campaigns: StoredCampaign[] = []): WizardState =>
  run(ready(campaigns), { type: 'campaignOpened', campaign, group: emptyTargetGroup(), screen: 'basics' });

/** The open campaign; fails the test where there is none. */
const openOf = (state: WizardState): OpenCampaign => {
  const open = openCampaignOf(state);
  if (!open) throw new Error(`no open campaign on the ${state.screen} screen`);
  return open;
};

const edited = (state: WizardState, edit: GroupEdit, group: TargetGroup): WizardState =>
  run(state, { type: 'groupEdited', edit, group });

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

describe('editedDraft: the one place that decides what a group edit stores', () => {
  const second: SelectionDefinition = { from: 'inactiveCustomers', months: 3 };
  const draft = makeCampaign({ selections: [byCustomers, second], removed: ['c:1'] });

  it.each<[string, GroupEdit, Partial<StoredCampaign>]>([
    [
      'appends an applied selection',
      { type: 'selectionApplied', selection: second },
      { selections: [byCustomers, second, second] },
    ],
    ['removes a selection by its index', { type: 'selectionRemoved', index: 0 }, { selections: [second] }],
    ['stores a removed member', { type: 'memberRemoved', key: 'c:2' }, { removed: ['c:1', 'c:2'] }],
    ['stores a member removed twice once', { type: 'memberRemoved', key: 'c:1' }, { removed: ['c:1'] }],
    ['takes back only the restored member', { type: 'memberRestored', key: 'c:1' }, { removed: [] }],
  ])('%s', (_, edit, expected) => {
    expect(editedDraft(draft, edit)).toEqual({ ...draft, ...expected });
  });

  it('treats a campaign without removals as none removed', () => {
    expect(
      editedDraft(makeCampaign({ removed: undefined }), { type: 'memberRemoved', key: 'c:9' }).removed,
    ).toEqual(['c:9']);
  });

  it('is what the reducer stores, with the member count of the rebuilt group', () => {
    const edit: GroupEdit = { type: 'memberRemoved', key: 'c:1' };
    const before = run(opened(makeCampaign({ removed: ['c:1'] })));
    const group = makeGroup(['c:2']);
    expect(openOf(edited(before, edit, group)).draft).toEqual({
      ...editedDraft(openOf(before).draft, edit),
      memberCount: 1,
    });
  });
});

describe('wizardReducer', () => {
  it('starts loading on the home screen, with no campaign open', () => {
    const state = initialWizardState();
    expect(state).toMatchObject({ screen: 'home', workbook: { status: 'loading' } });
    expect(openCampaignOf(state)).toBeNull();
  });

  it('renders the loaded data again when its problems were completed, and ignores data read before a reload', () => {
    const state = ready();
    const data = (state.workbook as { data: WorkbookData }).data;
    const completed = run(state, { type: 'workbookProblemsCompleted', data });
    expect(completed.workbook).not.toBe(state.workbook);
    expect(completed.workbook).toEqual(state.workbook);
    const stale = run(state, { type: 'workbookProblemsCompleted', data: makeWorkbookData() });
    expect(stale).toBe(state);
    const reloading = run(state, { type: 'workbookReloading' });
    expect(run(reloading, { type: 'workbookProblemsCompleted', data })).toBe(reloading);
  });

  it('keeps the campaigns of a workbook whose data could not be read', () => {
    const campaigns = [makeCampaign()];
    const state = run(initialWizardState(campaigns), {
      type: 'workbookFailed',
      problems: [{ code: 'sheetRoleNotFound', severity: 'error' }],
      mapping: undefined,
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
    expect(openOf(state).draft).toMatchObject({ name: 'Weihnachtsgruß', type: 'letter' });
    expect(openOf(state).save).toEqual({ status: 'unsaved' });
  });

  it('takes over the group rebuilt for a new type, with its count', () => {
    const group = makeGroup(['c:1', 'c:2']);
    const state = run(opened(), { type: 'basicsChanged', change: { type: 'letter' }, group });
    expect(openOf(state).group).toBe(group);
    expect(openOf(state).draft.memberCount).toBe(2);
  });

  it('appends an applied selection, takes over the group and shows its report', () => {
    const group = makeGroup(['c:1', 'c:2', 'c:3']);
    const state = edited(opened(), { type: 'selectionApplied', selection: byCustomers }, group);
    const open = openOf(state);
    expect(open.draft.selections).toEqual([byCustomers]);
    expect(open.draft.memberCount).toBe(3);
    expect(open.group).toBe(group);
    expect(open.lastApplied).toEqual(group.reports[0]);
    expect(open.save).toEqual({ status: 'unsaved' });
  });

  it('stores a removed member once, and restoring takes only that one back', () => {
    const state = run(
      opened(),
      { type: 'groupEdited', edit: { type: 'memberRemoved', key: 'c:1' }, group: makeGroup(['c:2', 'c:3']) },
      { type: 'groupEdited', edit: { type: 'memberRemoved', key: 'c:2' }, group: makeGroup(['c:3']) },
      { type: 'groupEdited', edit: { type: 'memberRemoved', key: 'c:1' }, group: makeGroup(['c:3']) },
      { type: 'groupEdited', edit: { type: 'memberRestored', key: 'c:2' }, group: makeGroup(['c:2', 'c:3']) },
    );
    expect(openOf(state).draft.removed).toEqual(['c:1']);
    expect(openOf(state).draft.memberCount).toBe(2);
  });

  it('removes a selection from the history', () => {
    const second: SelectionDefinition = { from: 'inactiveCustomers', months: 3 };
    const state = run(
      opened(),
      {
        type: 'groupEdited',
        edit: { type: 'selectionApplied', selection: byCustomers },
        group: makeGroup(['c:1']),
      },
      {
        type: 'groupEdited',
        edit: { type: 'selectionApplied', selection: second },
        group: makeGroup(['c:1', 'k:9']),
      },
      { type: 'groupEdited', edit: { type: 'selectionRemoved', index: 0 }, group: makeGroup(['k:9']) },
    );
    expect(openOf(state).draft.selections).toEqual([second]);
    expect(openOf(state).lastApplied).toBeNull();
  });

  it('ignores edits of a campaign on the home screen', () => {
    const home = ready();
    expect(edited(home, { type: 'memberRemoved', key: 'c:1' }, makeGroup([]))).toBe(home);
    expect(run(home, { type: 'basicsChanged', change: { name: 'x' } })).toBe(home);
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
    expect(openOf(state).operation).toEqual({ status: 'running', task: 'leads' });
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
    const open = openOf(state);
    expect(open.operation.status).toBe('idle');
    expect(open.outcome).toMatchObject({ sheet: 'Herbstaktion', count: 23 });
    expect(open.draft.targetSheet).toBe('Herbstaktion');
    expect(open.save).toEqual({ status: 'unsaved' });
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
    expect(openOf(state).draft).toMatchObject({ start: '2026-11-20', assignment, controlPercent: 10 });
  });

  it('after a Sperrliste entry takes the workbook read again and its group, and counts the members anew', () => {
    const data = makeWorkbookData({ contacts: [] });
    const group = makeGroup(['c:1', 'c:3']);
    const start = run(opened(), {
      type: 'groupEdited',
      edit: { type: 'memberRemoved', key: 'x' },
      group: makeGroup(['c:1', 'c:2', 'c:3']),
    });
    const state = run(
      start,
      { type: 'saved', campaign: openOf(start).draft },
      { type: 'operationStarted', task: 'blocklist' },
      {
        type: 'operationFinished',
        outcome: { task: 'blocklist', status: 'success', name: 'Anna Lang', sheet: 'Sperrliste' },
        reread: { data, mapping: { sheets: { contacts: 'Kontakte' } }, group },
      },
    );
    const open = openOf(state);
    expect(open.group).toBe(group);
    expect(open.draft.memberCount).toBe(2);
    expect(open.save).toEqual({ status: 'unsaved' });
    expect(state.workbook).toEqual({ status: 'ready', data, mapping: { sheets: { contacts: 'Kontakte' } } });
  });

  it('stays unsaved when the user edited while the save was running', () => {
    const saving = run(opened(), { type: 'basicsChanged', change: { name: 'Herbst' } });
    const snapshot = openOf(saving).draft;
    const changed = run(saving, { type: 'basicsChanged', change: { name: 'Herbst 2026' } });
    const saved = run(changed, { type: 'saved', campaign: { ...snapshot, updatedAt: NOW } });
    expect(openOf(saved).draft.name).toBe('Herbst 2026');
    expect(openOf(saved).save).toEqual({ status: 'unsaved' });
  });

  it('is saved once the stored campaign equals the draft, and takes over its timestamps', () => {
    const saving = run(opened(), { type: 'basicsChanged', change: { name: 'Herbst' } });
    const snapshot = openOf(saving).draft;
    const later = '2026-11-20T10:00:00.000Z';
    const saved = run(saving, { type: 'saved', campaign: { ...snapshot, updatedAt: later } });
    expect(openOf(saved).save).toEqual({ status: 'saved' });
    expect(openOf(saved).draft.updatedAt).toBe(later);
  });

  it('keeps the campaigns the session reports, and only those', () => {
    const campaigns = [makeCampaign()];
    const state = run(opened(), { type: 'campaignsChanged', campaigns });
    expect(state.campaigns).toBe(campaigns);
    expect(run(state, { type: 'campaignsChanged', campaigns })).toBe(state);
  });

  it("follows the workbook's contact limit the session reports with the campaigns", () => {
    const campaigns = [makeCampaign()];
    const contactLimit = { contacts: 1, days: 30 };
    const limited = run(run(opened(), { type: 'campaignsChanged', campaigns }), {
      type: 'campaignsChanged',
      campaigns,
      contactLimit,
    });
    expect(limited.contactLimit).toBe(contactLimit);
    expect(run(limited, { type: 'campaignsChanged', campaigns }).contactLimit).toBeUndefined();
  });

  describe('a failed save', () => {
    const failed = run(
      opened(),
      { type: 'basicsChanged', change: { name: 'Herbst' } },
      { type: 'saveFailed', message: 'Excel antwortet nicht.' },
    );

    it('is shown with its message, and later edits wait for the retry', () => {
      expect(openOf(failed).save).toEqual({ status: 'failed', message: 'Excel antwortet nicht.' });
      const changed = run(failed, { type: 'basicsChanged', change: { name: 'Herbst 2026' } });
      expect(openOf(changed).save.status).toBe('failed');
    });

    it('is tried again when the user asks', () => {
      expect(openOf(run(failed, { type: 'saveRetried' })).save).toEqual({ status: 'unsaved' });
    });

    it('is over once a save succeeds', () => {
      const saved = run(failed, { type: 'saved', campaign: openOf(failed).draft });
      expect(openOf(saved).save).toEqual({ status: 'saved' });
    });
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
    const snapshot = openOf(before).draft;
    const changed = run(before, { type: 'basicsChanged', change });
    expect(openOf(changed).draft).toMatchObject(change);
    const saved = run(changed, { type: 'saved', campaign: snapshot });
    expect(openOf(saved).save).toEqual({ status: 'unsaved' });
    const savedAgain = run(saved, { type: 'saved', campaign: openOf(changed).draft });
    expect(openOf(savedAgain).save).toEqual({ status: 'saved' });
  });

  describe('the evaluation screen', () => {
    const stored = makeCampaign({ id: 'K-7', name: 'Frühjahrsbrief' });

    it('opens from the home screen for a stored campaign and goes back home', () => {
      const evaluating = run(ready([stored]), { type: 'evaluationOpened', campaignId: 'K-7' });
      expect(evaluating).toMatchObject({ screen: 'evaluation', evaluated: 'K-7', open: null });
      expect(run(evaluating, { type: 'closed' })).toEqual({ ...ready([stored]), screen: 'home' });
    });

    it('opened from step 4, goes back to step 4 with the campaign still open', () => {
      const state = run(
        opened(stored, [stored]),
        { type: 'screenChanged', screen: 'use' },
        { type: 'evaluationOpened', campaignId: 'K-7' },
      );
      expect(state.screen).toBe('evaluation');
      const back = run(state, { type: 'closed' });
      expect(back.screen).toBe('use');
      expect(openOf(back).draft.id).toBe('K-7');
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
      edited(opened(), { type: 'selectionApplied', selection: byCustomers }, makeGroup(['c:1'])),
      { type: 'closed' },
    );
    expect(state.screen).toBe('home');
    expect(isEditing(state)).toBe(false);
    expect(openCampaignOf(state)).toBeNull();
  });

  it('runs one home action at a time and shows how it ended until dismissed, not after leaving home', () => {
    const task = { action: 'remove', id: 'c1', name: 'Herbst' } as const;
    const running = run(ready([makeCampaign()]), { type: 'homeActionStarted', task });
    expect(running).toMatchObject({ action: { status: 'running', ...task } });
    const second = { action: 'duplicate', id: 'c2', name: 'Winter' } as const;
    expect(run(running, { type: 'homeActionStarted', task: second })).toBe(running);
    const failed = run(running, { type: 'homeActionFinished', message: 'Excel antwortet nicht.' });
    expect(failed).toMatchObject({
      screen: 'home',
      action: { status: 'failed', message: 'Excel antwortet nicht.', ...task },
    });
    expect(run(failed, { type: 'homeActionDismissed' })).toMatchObject({ action: { status: 'idle' } });
    const retried = run(failed, { type: 'homeActionStarted', task }, { type: 'homeActionFinished' });
    expect(retried).toMatchObject({ action: { status: 'done', ...task } });
    const reopened = run(
      failed,
      { type: 'campaignOpened', campaign: makeCampaign(), group: emptyTargetGroup(), screen: 'basics' },
      { type: 'closed' },
    );
    expect(reopened).toMatchObject({ screen: 'home', action: { status: 'idle' } });
  });
});
