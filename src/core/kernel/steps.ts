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
