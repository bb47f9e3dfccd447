import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import { emptyTargetGroup } from '../../../src/core/group/targetGroup';
import {
  applyRequest,
  workerPreviewer,
  type PreviewRequest,
  type WorkerRequest,
  type WorkerResponse,
} from '../../../src/taskpane/services/selectionPreviewer';
import { selectionWorkerHandler } from '../../../src/taskpane/services/selectionWorkerHandler';
import { piecesOf } from '../../../src/taskpane/services/pieces';
import { makeCustomer, makeWorkbookData } from '../../core/builders';

/**
 * The browser's Worker as the previewer sees it: each message structured-cloned and handled in a task of its own, by
 * the handler selection.worker.ts runs; or a worker that fails every preview.
 */
class ClonedChannel {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  readonly sent: WorkerRequest[] = [];
  private readonly handle = selectionWorkerHandler((response) =>
    setTimeout(
      () => this.onmessage?.({ data: structuredClone(response) } as MessageEvent<WorkerResponse>),
      0,
    ),
  );
  constructor(private readonly failing = false) {}
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
    const copy = structuredClone(message);
    setTimeout(() => {
      if (this.failing && copy.type === 'preview')
        this.onmessage?.({ data: { id: copy.id, error: 'worker crashed' } } as MessageEvent<WorkerResponse>);
      else this.handle(copy);
    }, 0);
  }
  /** What went over the channel: the start of each transfer (data, a group, a preview's question). */
  get kinds(): string[] {
    return this.sent.flatMap((message) => (message.piece.type === 'begin' ? [message.type] : []));
  }
}

const data = makeWorkbookData({
  customers: [
    makeCustomer({ customerId: '10001', company: 'Müller Bau GmbH', email: 'info@mueller-bau.de' }),
    makeCustomer({ customerId: '10002', company: 'Bäckerei Schulz', email: '' }),
    makeCustomer({
      customerId: '10003',
      company: 'Lange Immobilien AG',
      email: 'info@lange.de',
      optOut: 'Werbesperre',
    }),
  ],
});
const campaign: StoredCampaign = {
  id: 'K-1',
  name: 'Herbst',
  type: 'email',
  selections: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  memberCount: 0,
};
const request: PreviewRequest = {
  group: emptyTargetGroup(),
  data,
  campaign,
  selection: { from: 'customers', ids: ['10001', '10002', '10003'] },
  today: 20_000,
};

const only = (ids: string[]): PreviewRequest['selection'] => ({ from: 'customers', ids });

describe('workerPreviewer', () => {
  it('gives the same group as computing on the main thread, and sends the data and a known group only once', async () => {
    const worker = new ClonedChannel();
    const previewer = workerPreviewer(worker as unknown as Worker);
    const first = await previewer.preview(request);
    const second = await previewer.preview({ ...request, group: first, selection: only(['10001']) });
    expect(first).toEqual(applyRequest(request));
    expect(first.reports[0]).toMatchObject({ added: 1, excluded: { noEmail: 1, optOut: 1 } });
    expect(second).toEqual(applyRequest({ ...request, group: first, selection: only(['10001']) }));
    // the worker computed `first`: it is not sent back to it
    expect(worker.kinds).toEqual(['data', 'group', 'preview', 'preview']);
  });

  it('sends new data after the workbook was read again', async () => {
    const worker = new ClonedChannel();
    const previewer = workerPreviewer(worker as unknown as Worker);
    await previewer.preview(request);
    await previewer.preview({ ...request, data: { ...data } });
    expect(worker.kinds).toEqual(['data', 'group', 'preview', 'data', 'preview']);
  });

  it('hands the data over ahead of the first preview when told to prepare', async () => {
    const worker = new ClonedChannel();
    const previewer = workerPreviewer(worker as unknown as Worker);
    previewer.prepare?.(data);
    expect(worker.kinds).toEqual(['data']);
    await previewer.preview(request);
    expect(worker.kinds).toEqual(['data', 'group', 'preview']);
  });

  it('sends a group again that the worker no longer keeps', async () => {
    const worker = new ClonedChannel();
    const previewer = workerPreviewer(worker as unknown as Worker);
    let group = request.group;
    for (const id of ['10001', '10002', '10003', '10001', '10002'])
      group = await previewer.preview({ ...request, group, selection: only([id]) });
    const again = await previewer.preview(request);
    expect(again).toEqual(applyRequest(request));
    expect(worker.kinds.filter((kind) => kind === 'group')).toHaveLength(2);
  });

  it('carries a large workbook and group in pieces, pausing between the pieces it sends', async () => {
    const customers = Array.from({ length: 5_000 }, (_, i) =>
      makeCustomer({ customerId: String(20_000 + i), company: `Firma ${i}`, email: `info@firma${i}.de` }),
    );
    const large = makeWorkbookData({ customers });
    const worker = new ClonedChannel();
    const received: WorkerResponse[] = [];
    let pauses = 0;
    const previewer = workerPreviewer(worker as unknown as Worker, async () => void pauses++);
    const onmessage = worker.onmessage!;
    worker.onmessage = (event) => (received.push(event.data), onmessage(event));
    const big: PreviewRequest = {
      ...request,
      data: large,
      selection: only(customers.map((c) => c.customerId)),
    };
    const group = await previewer.preview(big);
    expect(group.members).toHaveLength(5_000);
    expect(group).toEqual(applyRequest(big));
    // 5,000 customers: a skeleton and three slices out, a skeleton and three slices of members back
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(received.length).toBeGreaterThanOrEqual(4);
  });

  it('falls back to the main thread when the worker fails', async () => {
    const previewer = workerPreviewer(new ClonedChannel(true) as unknown as Worker);
    expect(await previewer.preview(request)).toEqual(applyRequest(request));
  });
});

describe('selectionWorkerHandler', () => {
  it('refuses a question about workbook data it no longer holds, instead of answering with rows of another read', () => {
    const replies: WorkerResponse[] = [];
    const handle = selectionWorkerHandler((response) => replies.push(response));
    for (const piece of piecesOf(0, data)) handle({ type: 'data', piece });
    for (const piece of piecesOf(1, request.group)) handle({ type: 'group', piece });
    // the workbook was read again (transfer 2) before the question about transfer 0 arrived
    for (const piece of piecesOf(2, { ...data })) handle({ type: 'data', piece });
    const { data: _data, group: _group, ...question } = request;
    for (const piece of piecesOf(3, question)) handle({ type: 'preview', id: 3, data: 0, group: 1, piece });
    expect(replies).toEqual([{ id: 3, error: 'not the workbook data asked about' }]);

    for (const piece of piecesOf(4, question)) handle({ type: 'preview', id: 4, data: 2, group: 1, piece });
    expect(replies.length).toBeGreaterThan(1);
    expect(replies.slice(1).every((reply) => reply.id === 4 && 'piece' in reply)).toBe(true);
  });
});
