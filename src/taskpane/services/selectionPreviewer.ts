import type { SelectionDefinition, StoredCampaign } from '../../core/campaign/campaign';
import type { WorkbookData } from '../../core/kernel/model';
import type { TargetGroup } from '../../core/group/targetGroupModel';
import { applySelection, type TargetGroupOptions } from '../../core/group/targetGroup';

export interface PreviewRequest extends TargetGroupOptions {
  group: TargetGroup;
  data: WorkbookData;
  campaign: StoredCampaign;
  selection: SelectionDefinition;
}

/** Computes what a selection would give; off the main thread where a Web Worker is available. */
export interface SelectionPreviewer {
  preview(request: PreviewRequest): Promise<TargetGroup>;
}

export const applyRequest = ({ group, data, campaign, selection, ...options }: PreviewRequest): TargetGroup =>
  applySelection(group, data, selection, campaign.selections.length, campaign, options);

export const inlinePreviewer: SelectionPreviewer = { preview: async (request) => applyRequest(request) };

/** Messages between the pane and selection.worker.ts. */
export type WorkerRequest =
  | { type: 'data'; data: WorkbookData }
  | { type: 'preview'; id: number; request: Omit<PreviewRequest, 'data'> };

export type WorkerResponse = { id: number; group: TargetGroup } | { id: number; error: string };

/**
 * The worker keeps its own copy of the workbook data (sent once per load), so each preview only ships the group and
 * the selection. Any worker failure falls back to computing on the main thread.
 */
export function workerPreviewer(worker: Worker): SelectionPreviewer {
  let sentData: WorkbookData | null = null;
  let nextId = 0;
  const pending = new Map<number, { resolve(group: TargetGroup): void; reject(error: Error): void }>();
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const waiting = pending.get(event.data.id);
    pending.delete(event.data.id);
    if (!waiting) return;
    if ('group' in event.data) waiting.resolve(event.data.group);
    else waiting.reject(new Error(event.data.error));
  };
  return {
    preview: async (request) => {
      const { data, ...rest } = request;
      if (sentData !== data) {
        worker.postMessage({ type: 'data', data } satisfies WorkerRequest);
        sentData = data;
      }
      const id = nextId++;
      try {
        return await new Promise<TargetGroup>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.postMessage({ type: 'preview', id, request: rest } satisfies WorkerRequest);
        });
      } catch {
        return applyRequest(request);
      }
    },
  };
}
