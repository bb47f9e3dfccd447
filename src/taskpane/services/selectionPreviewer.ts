import type { SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import type { WorkbookData } from '../../core/kernel/model';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { applySelection, type TargetGroupOptions } from '../../core/group/targetGroup';
import { PieceAssembler, piecesOf, type PieceMessage } from './pieces';

export interface PreviewRequest extends TargetGroupOptions {
  group: TargetGroup;
  data: WorkbookData;
  campaign: StoredCampaign;
  selection: SelectionDefinition;
}

/** Computes what a selection would give; off the main thread where a Web Worker is available. */
export interface SelectionPreviewer {
  preview(request: PreviewRequest): Promise<TargetGroup>;
  /** Hands the workbook's data over ahead of the first preview, in the background. */
  prepare?(data: WorkbookData): void;
}

export const applyRequest = ({ group, data, campaign, selection, ...options }: PreviewRequest): TargetGroup =>
  applySelection(group, data, selection, campaign.selections.length, campaign, options);

export const inlinePreviewer: SelectionPreviewer = { preview: async (request) => applyRequest(request) };

/**
 * Messages between the pane and selection.worker.ts. The data and groups go in pieces (pieces.ts); a preview names
 * its group by the number it was sent or computed under, so a group the worker knows is not sent again.
 */
export type WorkerRequest =
  | { type: 'data'; piece: PieceMessage }
  | { type: 'group'; piece: PieceMessage }
  | { type: 'preview'; id: number; group: number; request: Omit<PreviewRequest, 'data' | 'group'> };

export type WorkerResponse =
  | { id: number; piece: PieceMessage }
  | { id: number; error: string }
  | { id: number; missingGroup: true };

class MissingGroup extends Error {}

interface Waiting {
  assembler: PieceAssembler;
  resolve(group: TargetGroup): void;
  reject(error: Error): void;
}

/**
 * The worker keeps its own copy of the workbook data (sent once per load, in pieces between which the pane pauses)
 * and the last groups; each preview ships only the selection and, for a group the worker does not know, the group.
 * Any worker failure falls back to computing on the main thread.
 */
export function workerPreviewer(
  worker: Worker,
  pause: () => Promise<void> = async () => {},
): SelectionPreviewer {
  let nextId = 0;
  let sent: { data: WorkbookData; done: Promise<void> } | null = null;
  const groupIds = new WeakMap<TargetGroup, number>();
  const pending = new Map<number, Waiting>();

  worker.onmessage = ({ data: message }: MessageEvent<WorkerResponse>) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if ('piece' in message) {
      const done = waiting.assembler.accept(message.piece);
      if (!done) return;
      const group = done.value as TargetGroup;
      groupIds.set(group, message.id);
      waiting.resolve(group);
    } else waiting.reject('error' in message ? new Error(message.error) : new MissingGroup());
    pending.delete(message.id);
  };

  const post = async (type: 'data' | 'group', value: unknown): Promise<number> => {
    const transfer = nextId++;
    for (const piece of piecesOf(transfer, value)) {
      worker.postMessage({ type, piece } satisfies WorkerRequest);
      await pause();
    }
    return transfer;
  };

  const sendData = (data: WorkbookData): Promise<void> => {
    if (sent?.data !== data) sent = { data, done: post('data', data).then(() => undefined) };
    return sent.done;
  };

  const groupRef = async (group: TargetGroup): Promise<number> => {
    const known = groupIds.get(group);
    if (known !== undefined) return known;
    const id = await post('group', group);
    groupIds.set(group, id);
    return id;
  };

  const ask = (group: number, request: Extract<WorkerRequest, { type: 'preview' }>['request']) =>
    new Promise<TargetGroup>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { assembler: new PieceAssembler(id), resolve, reject });
      worker.postMessage({ type: 'preview', id, group, request } satisfies WorkerRequest);
    });

  const previewInWorker = async ({ data, group, ...request }: PreviewRequest): Promise<TargetGroup> => {
    await sendData(data);
    try {
      return await ask(await groupRef(group), request);
    } catch (error) {
      if (!(error instanceof MissingGroup)) throw error;
      groupIds.delete(group);
      return ask(await groupRef(group), request);
    }
  };

  return {
    preview: (request) => previewInWorker(request).catch(() => applyRequest(request)),
    prepare: (data) => void sendData(data).catch(() => undefined),
  };
}
