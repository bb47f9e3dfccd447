import type { StoredCampaign } from '../../../src/core/campaign/campaign';
import type { WorkbookData } from '../../../src/core/kernel/model';
import { emptyTargetGroup } from '../../../src/core/group/targetGroup';
import {
  applyRequest,
  workerPreviewer,
  type PreviewRequest,
  type WorkerRequest,
  type WorkerResponse,
} from '../../../src/taskpane/services/selectionPreviewer';
import { makeCustomer, makeWorkbookData } from '../../core/builders';

/** Stands in for the browser's Worker: answers like selection.worker.ts, or fails when told to. */
class WorkerDouble {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  readonly received: WorkerRequest['type'][] = [];
  private data: WorkbookData | null = null;
  constructor(private readonly failing = false) {}
  postMessage(message: WorkerRequest): void {
    this.received.push(message.type);
    if (message.type === 'data') {
      this.data = structuredClone(message.data);
      return;
    }
    const response: WorkerResponse =
      this.failing || !this.data
        ? { id: message.id, error: 'worker crashed' }
        : { id: message.id, group: structuredClone(applyRequest({ ...message.request, data: this.data })) };
    setTimeout(() => this.onmessage?.({ data: response } as MessageEvent<WorkerResponse>), 0);
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

describe('workerPreviewer', () => {
  it('gives the same group as computing on the main thread, and sends the workbook data only once', async () => {
    const worker = new WorkerDouble();
    const previewer = workerPreviewer(worker as unknown as Worker);
    const first = await previewer.preview(request);
    await previewer.preview({ ...request, selection: { from: 'customers', ids: ['10001'] } });
    expect(first).toEqual(applyRequest(request));
    expect(first.reports[0]).toMatchObject({ added: 1, excluded: { noEmail: 1, optOut: 1 } });
    expect(worker.received).toEqual(['data', 'preview', 'preview']);
  });

  it('sends new data after the workbook was read again', async () => {
    const worker = new WorkerDouble();
    const previewer = workerPreviewer(worker as unknown as Worker);
    await previewer.preview(request);
    await previewer.preview({ ...request, data: { ...data } });
    expect(worker.received).toEqual(['data', 'preview', 'data', 'preview']);
  });

  it('falls back to the main thread when the worker fails', async () => {
    const previewer = workerPreviewer(new WorkerDouble(true) as unknown as Worker);
    expect(await previewer.preview(request)).toEqual(applyRequest(request));
  });
});
