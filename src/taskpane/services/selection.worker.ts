/// <reference lib="webworker" />
import type { WorkbookData } from '../../core/kernel/model';
import { applyRequest, type WorkerRequest, type WorkerResponse } from './selectionPreviewer';

let data: WorkbookData | null = null;

const reply = (response: WorkerResponse) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const message = event.data;
  if (message.type === 'data') {
    data = message.data;
    return;
  }
  if (!data) {
    reply({ id: message.id, error: 'no workbook data' });
    return;
  }
  try {
    reply({ id: message.id, group: applyRequest({ ...message.request, data }) });
  } catch (error) {
    reply({ id: message.id, error: error instanceof Error ? error.message : String(error) });
  }
};
