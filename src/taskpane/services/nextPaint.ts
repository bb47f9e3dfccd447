/** Lets the browser paint (progress bar, disabled buttons) before a long synchronous step. */
export const nextPaint = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 16));
