import { idlePause, noteUserInput, QUIET_MS, slicedPause } from '../../../src/taskpane/services/pauses';

/** Chromium's navigator.scheduling.isInputPending, answering what the test says: a key waits or not. */
const withInputPending = (pending: () => boolean): (() => void) => {
  Object.defineProperty(globalThis, 'navigator', {
    value: { scheduling: { isInputPending: pending } },
    configurable: true,
  });
  return () => Reflect.deleteProperty(globalThis, 'navigator');
};

describe('slicedPause', () => {
  let keyWaits = false;
  let restore: () => void;
  beforeEach(() => {
    keyWaits = false;
    restore = withInputPending(() => keyWaits);
  });
  afterEach(() => restore());

  /** What ran in which order: a timer set now runs only once the work ends its task. */
  const run = async (pause: () => Promise<void>): Promise<string[]> => {
    const order: string[] = [];
    setTimeout(() => order.push('the browser'), 0);
    await pause();
    order.push('the work');
    await new Promise((resolve) => setTimeout(resolve, 5));
    return order;
  };

  it('goes straight on within its slice while no key or click waits', async () => {
    expect(await run(slicedPause(60_000))).toEqual(['the work', 'the browser']);
  });

  it('ends the task at once when a key waits, however much of the slice is left', async () => {
    keyWaits = true;
    expect(await run(slicedPause(60_000))).toEqual(['the browser', 'the work']);
  });

  it('ends the task once the slice has passed', async () => {
    const pause = slicedPause(1);
    await new Promise((resolve) => setTimeout(resolve, 3));
    expect(await run(pause)).toEqual(['the browser', 'the work']);
  });
});

/** Milliseconds from a key to the moment the pause lets the work go on. */
const waitedAfterAKey = async (pause: () => Promise<void>): Promise<number> => {
  noteUserInput();
  const typed = performance.now();
  await pause();
  return performance.now() - typed;
};

/** Nobody has typed or clicked for QUIET_MS. */
const quietMoment = (): Promise<unknown> => new Promise((resolve) => setTimeout(resolve, QUIET_MS));

describe('slicedPause while the user types', () => {
  it('waits for a quiet moment after a key before the work goes on', async () => {
    expect(await waitedAfterAKey(slicedPause(0))).toBeGreaterThanOrEqual(QUIET_MS - 1);
  });

  it('goes on after one task when nobody typed for a while', async () => {
    await quietMoment();
    const pause = slicedPause(0);
    const started = performance.now();
    await pause();
    expect(performance.now() - started).toBeLessThan(QUIET_MS / 2);
  });
});

describe('idlePause while the user types', () => {
  /** The browser's idle callback, called on the next timer with a whole idle period left. */
  beforeEach(() => {
    Object.defineProperty(globalThis, 'requestIdleCallback', {
      value: (callback: IdleRequestCallback) =>
        setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 0),
      configurable: true,
    });
  });
  afterEach(() => Reflect.deleteProperty(globalThis, 'requestIdleCallback'));

  it('hands the next piece over only once the user has stopped typing', async () => {
    expect(await waitedAfterAKey(idlePause())).toBeGreaterThanOrEqual(QUIET_MS - 1);
  });

  it('goes on within the idle period while nobody types', async () => {
    await quietMoment();
    const pause = idlePause();
    await pause();
    const order: string[] = [];
    setTimeout(() => order.push('the browser'), 0);
    await pause();
    order.push('the work');
    expect(order).toEqual(['the work']);
  });
});
