/** How the pane lets the browser paint and answer the user between pieces of long work. */

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

/** After a key or click, background work waits this long for the user to stop: what they see next comes first. */
export const QUIET_MS = 150;

let lastInput = -Infinity;

/** Notes that the user is typing or clicking now (the pane's listeners call it for every key, input and click). */
export const noteUserInput = (): void => {
  lastInput = performance.now();
};

for (const type of ['keydown', 'input', 'pointerdown'])
  (globalThis as Partial<Pick<Window, 'addEventListener'>>).addEventListener?.(type, noteUserInput, {
    capture: true,
    passive: true,
  });

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const isQuiet = (): boolean => performance.now() - lastInput >= QUIET_MS;

/** Resolves once the user has not typed or clicked for QUIET_MS. */
const untilQuiet = async (): Promise<void> => {
  while (!isQuiet()) await delay(QUIET_MS - (performance.now() - lastInput));
};

/**
 * The pause for work in steps (core/kernel/steps.ts): ends the task once `sliceMs` have passed since the last pause, or
 * at once when a key or click waits, so that the browser answers the user within a step; else the work goes straight
 * on. While the user types, the work waits for a quiet moment: the filtered list of a keystroke is rendered without
 * a step of the duplicate search or the pick list in front of it.
 */
export const slicedPause = (sliceMs = 25): (() => Promise<void>) => {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs && !inputPending()) return;
    await nextTask();
    await untilQuiet();
    since = performance.now();
  };
};

/**
 * The pause for work in the background (handing the data to the worker) that must not slow what the user does
 * meanwhile: the work goes on only in the browser's idle time, as long as the idle period lasts, and not while the
 * user types or clicks; after `timeoutMs` however busy the pane is. Without idle callbacks, slicedPause.
 */
export const idlePause = (timeoutMs = 1_000): (() => Promise<void>) => {
  if (typeof requestIdleCallback !== 'function') return slicedPause();
  let idle: IdleDeadline | null = null;
  return async () => {
    if (idle && !idle.didTimeout && idle.timeRemaining() > IDLE_LEFT_MS && !inputPending() && isQuiet())
      return;
    // idle time right after a key is the time before the frame that shows its result: a piece there delays it
    do {
      await untilQuiet();
      idle = await new Promise<IdleDeadline>((resolve) =>
        requestIdleCallback(resolve, { timeout: timeoutMs }),
      );
    } while (!isQuiet() && !idle.didTimeout);
  };
};

/** Idle time a step of background work needs left to go on in the same task (a step takes about 10 ms). */
const IDLE_LEFT_MS = 20;

/** Whether a key or click waits to be handled (Chromium, so Edge's WebView2 and Excel on the web). */
const inputPending = (): boolean =>
  typeof navigator !== 'undefined' &&
  ((navigator as { scheduling?: { isInputPending?(): boolean } }).scheduling?.isInputPending?.() ?? false);
