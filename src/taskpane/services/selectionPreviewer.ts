import type { SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import type { WorkbookData } from '../../core/kernel/model';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { applySelection, type TargetGroupOptions } from '../../core/group/targetGroup';
import { groupFromTransfer } from './groupTransfer';
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
 * its group by the number it was sent or computed under, so a group the worker knows is not sent again, and the data
 * by the number it was sent under, so that a preview is never computed on a workbook read since.
 */
export type WorkerRequest =
  | { type: 'data'; piece: PieceMessage }
  | { type: 'group'; piece: PieceMessage }
  | { type: 'preview'; id: number; data: number; group: number; piece: PieceMessage };

/** What a preview sends besides the group's number; in pieces, since a selection may name 150,000 rows. */
export type PreviewQuestion = Omit<PreviewRequest, 'data' | 'group'>;

export type WorkerResponse =
  { id: number; piece: PieceMessage } | { id: number; error: string } | { id: number; missingGroup: true };

class MissingGroup extends Error {}

interface Waiting {
  data: WorkbookData;
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
  let sent: { data: WorkbookData; transfer: Promise<number> } | null = null;
  const groupIds = new WeakMap<TargetGroup, number>();
  const pending = new Map<number, Waiting>();

  worker.onmessage = ({ data: message }: MessageEvent<WorkerResponse>) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if ('piece' in message) {
      const done = waiting.assembler.accept(message.piece);
      if (!done) return;
      const group = groupFromTransfer(done.value as TargetGroup, waiting.data);
      groupIds.set(group, message.id);
      waiting.resolve(group);
    } else waiting.reject('error' in message ? new Error(message.error) : new MissingGroup());
    pending.delete(message.id);
  };

  const post = async (
    value: unknown,
    message: (piece: PieceMessage) => WorkerRequest,
    transfer = nextId++,
  ): Promise<number> => {
    for (const piece of piecesOf(transfer, value)) {
      worker.postMessage(message(piece));
      await pause();
    }
    return transfer;
  };

  const sendData = (data: WorkbookData): Promise<number> => {
    if (sent?.data !== data) sent = { data, transfer: post(data, (piece) => ({ type: 'data', piece })) };
    return sent.transfer;
  };

  const groupRef = async (group: TargetGroup): Promise<number> => {
    const known = groupIds.get(group);
    if (known !== undefined) return known;
    const id = await post(group, (piece) => ({ type: 'group', piece }));
    groupIds.set(group, id);
    return id;
  };

  const ask = (data: WorkbookData, dataTransfer: number, group: number, question: PreviewQuestion) =>
    new Promise<TargetGroup>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { data, assembler: new PieceAssembler(id), resolve, reject });
      post(question, (piece) => ({ type: 'preview', id, data: dataTransfer, group, piece }), id).catch(
        reject,
      );
    });

  const previewInWorker = async ({ data, group, ...request }: PreviewRequest): Promise<TargetGroup> => {
    const dataTransfer = await sendData(data);
    try {
      return await ask(data, dataTransfer, await groupRef(group), request);
    } catch (error) {
      if (!(error instanceof MissingGroup)) throw error;
      groupIds.delete(group);
      return ask(data, dataTransfer, await groupRef(group), request);
    }
  };

  return {
    preview: (request) => previewInWorker(request).catch(() => applyRequest(request)),
    prepare: (data) => void sendData(data).catch(() => undefined),
  };
}
