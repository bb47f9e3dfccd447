import { keptSteps, runSteps, type Steps } from '../../../src/core/kernel/steps';

function* counted(value: { name: string }, pauses: number): Steps<{ name: string }> {
  for (let i = 0; i < pauses; i++) yield;
  return value;
}

describe('keptSteps', () => {
  it('keeps what the steps built, and returns it at once the next time', () => {
    const kept = new WeakMap<object, { name: string }>();
    const key = {};
    const built = runSteps(keptSteps(kept, key, () => counted({ name: 'first' }, 3)));
    expect(kept.get(key)).toBe(built);
    const again = keptSteps(kept, key, () => counted({ name: 'second' }, 3));
    expect(again.next()).toEqual({ done: true, value: built });
  });

  it('gives way to a value kept while its steps paused', () => {
    const kept = new WeakMap<object, { name: string }>();
    const key = {};
    const steps = keptSteps(kept, key, () => counted({ name: 'in steps' }, 2));
    steps.next();
    const atOnce = { name: 'at once' };
    kept.set(key, atOnce);
    expect(runSteps(steps)).toBe(atOnce);
    expect(kept.get(key)).toBe(atOnce);
  });
});
