/**
 * Long work written as a generator that yields where it may pause: the command line runs it in one go (runSteps),
 * the pane lets the browser answer the user at the pauses (run/loadWorkbook.ts).
 */
export type Steps<T> = Generator<void, T>;

/** Runs the steps to their end without pausing. */
export const runSteps = <T>(steps: Steps<T>): T => {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
};

/** Runs the steps to their end, awaiting `pause` at each of their pauses. */
export const runStepsPausing = async <T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> => {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await pause();
  }
};

/**
 * Steps that build a value kept per key (a workbook's index, graph or pick list), kept once built. A value already
 * kept when they start is returned at once; one built at once meanwhile (someone could not wait for the pauses) wins
 * over theirs, so that a key never has two.
 */
export function* keptSteps<K extends object, V>(
  kept: WeakMap<K, V>,
  key: K,
  build: () => Steps<V>,
): Steps<V> {
  const known = kept.get(key);
  if (known !== undefined) return known;
  const value = yield* build();
  const meanwhile = kept.get(key);
  if (meanwhile !== undefined) return meanwhile;
  kept.set(key, value);
  return value;
}

/** A sheet parser may pause after this many rows: a few milliseconds of work. */
export const ROWS_PER_STEP = 4096;

/** Numbers a first-touch step writes: 1 MB. */
const TOUCHED_PER_STEP = 262_144;

/** Writes a new typed array's zeros a megabyte per step, so that mapping its memory is spread over steps. */
export function* firstTouchSteps(array: Int32Array | Float64Array | Uint8Array): Steps<void> {
  for (let start = 0; start < array.length; start += TOUCHED_PER_STEP) {
    array.fill(0, start, start + TOUCHED_PER_STEP);
    yield;
  }
}
