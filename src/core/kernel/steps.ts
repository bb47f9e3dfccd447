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
