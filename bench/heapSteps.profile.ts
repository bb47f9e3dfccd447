/**
 * The pipeline's heap at each step boundary, once without collecting (as `heap.peakUsed` of the benchmark counts it)
 * and once after a forced GC at each boundary (what is live): which step holds what.
 *   node --expose-gc --import tsx bench/heapSteps.profile.ts            scale L
 *   PROFILE_SCALE=M node --expose-gc --import tsx bench/heapSteps.profile.ts
 */
import { syntheticWorkbook } from '../src/sample/syntheticWorkbook';
import { buildGroup, editedLeadsSheet, parseOrThrow, runPipeline, SCALES, type ScaleName } from './scenario';

const scale = (process.env.PROFILE_SCALE ?? 'L') as ScaleName;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const MB = 2 ** 20;
const tables = syntheticWorkbook(SCALES[scale]);
const leads = editedLeadsSheet(buildGroup(parseOrThrow(tables)), SCALES[scale].seed);
for (const collect of [false, true]) {
  gc();
  const line = [`input ${(process.memoryUsage().heapUsed / MB).toFixed(0)}`];
  runPipeline(tables, leads, (step) => {
    if (collect) gc();
    line.push(`${step} ${(process.memoryUsage().heapUsed / MB).toFixed(0)}`);
  });
  console.log(`${collect ? 'live' : 'no GC'} MB at ${scale}:`.padEnd(16), line.join('  '));
}
