import { rmSync } from 'node:fs';

/**
 * The temporary files a command has open right now (a workbook or CSV being written next to its target). They hold
 * personal data: an interrupted run (Ctrl+C, a closed terminal) removes them before the process ends.
 */
export class TemporaryFiles {
  private readonly paths = new Set<string>();

  add(path: string): void {
    this.paths.add(path);
  }

  remove(path: string): void {
    this.paths.delete(path);
  }

  /** Synchronous: it runs in a signal handler, right before the process exits. */
  removeAll(): void {
    for (const path of this.paths) rmSync(path, { force: true });
    this.paths.clear();
  }
}

const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;

/** On Ctrl+C (and the other ways a terminal ends a process) the temporary files go, then the process ends as usual. */
export const removeOnInterrupt = (temporaries: TemporaryFiles): void => {
  for (const [signal, number] of Object.entries(SIGNALS))
    process.once(signal, () => {
      temporaries.removeAll();
      process.exit(128 + number);
    });
};
