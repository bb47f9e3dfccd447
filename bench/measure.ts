import { writeFileSync } from 'node:fs';

/** One figure of the benchmark, as written to bench/results.json. */
export interface Figure {
  figure: string;
  /** S, M, L, or the part a figure without scale belongs to (e.g. "excel", "cli"). */
  scale: string;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const summarise = (
  figure: string,
  scale: string,
  unit: string,
  values: readonly number[],
): Figure => ({
  figure,
  scale,
  unit,
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
  runs: values.length,
});

/** A figure measured once (counts, bytes, a single CLI run). */
export const single = (figure: string, scale: string, unit: string, value: number): Figure =>
  summarise(figure, scale, unit, [value]);

/** Collects garbage between runs (node --expose-gc), so one run's garbage is not collected in the next one's time. */
const collect = (): void => (globalThis as { gc?: () => void }).gc?.();

/** One warm-up, then `runs` timed runs, each after a forced GC. */
export const timeSync = <T>(
  figure: string,
  scale: string,
  runs: number,
  run: () => T,
): { figure: Figure; result: T } => {
  let result = run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const started = performance.now();
    result = run();
    times.push(performance.now() - started);
  }
  return { figure: summarise(figure, scale, 'ms', times), result };
};

export const timeAsync = async <T>(
  figure: string,
  scale: string,
  runs: number,
  run: () => Promise<T>,
  cleanup: (result: T) => void = () => undefined,
): Promise<{ figure: Figure; result: T }> => {
  let result = await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    cleanup(result);
    collect();
    const started = performance.now();
    result = await run();
    times.push(performance.now() - started);
  }
  return { figure: summarise(figure, scale, 'ms', times), result };
};

export const MB = 1024 * 1024;

export type Sink = (figure: Figure) => void;

/** Writes the figures so far after each one: a part stopped by its timeout still leaves what it measured. */
export const figureFile = (path: string): Sink => {
  const figures: Figure[] = [];
  return (figure) => {
    figures.push(figure);
    writeFileSync(path, JSON.stringify(figures));
  };
};

/** CPU seconds (user + system, all threads) the part's process used: with wall time, shows how loaded the machine was. */
export const cpuFigure = (part: string, scale: string): Figure => {
  const { user, system } = process.cpuUsage();
  return single(`cpu.${part}`, scale, 's', (user + system) / 1e6);
};
