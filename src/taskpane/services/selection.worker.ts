/// <reference lib="webworker" />
import { selectionWorkerHandler } from './selectionWorkerHandler';
import type { WorkerRequest } from './selectionPreviewer';

const handle = selectionWorkerHandler((response) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(response),
);

self.onmessage = (event: MessageEvent<WorkerRequest>) => handle(event.data);
