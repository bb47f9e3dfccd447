/** Lets the browser paint (progress bar, disabled buttons) before a long synchronous step. */
export const nextPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 16));

/**
 * Resolves once a frame showing what React renders for an update dispatched now has been painted: React commits in
 * a task of its own, so a timer alone may run before it. Two frames: the commit lands before the first, its paint
 * is done by the second. Without animation frames (tests), the 16 ms wait.
 */
export const afterNextFrames = async (): Promise<void> => {
  if (typeof requestAnimationFrame !== 'function') return nextPaint();
  for (let frame = 0; frame < 2; frame++)
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
};

/** Ends the current task: what the user did meanwhile (a click, a key) is handled before the work goes on. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The pause for work in steps (core/kernel/steps.ts): ends the task once `sliceMs` have passed since the last pause, so
 * that the browser answers the user within that time; before that the work goes straight on.
 */
export const slicedPause = (sliceMs = 40): (() => Promise<void>) => {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await nextTask();
    since = performance.now();
  };
};
