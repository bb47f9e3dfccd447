import { idlePause } from './pauses';
import { inlinePreviewer, workerPreviewer, type SelectionPreviewer } from './selectionPreviewer';

/** Only the browser entry imports this file: `import.meta.url` is what webpack needs to bundle the worker. */
export function createPreviewer(): SelectionPreviewer {
  if (typeof Worker === 'undefined') return inlinePreviewer;
  try {
    return workerPreviewer(new Worker(new URL('./selection.worker.ts', import.meta.url)), idlePause());
  } catch {
    return inlinePreviewer;
  }
}
