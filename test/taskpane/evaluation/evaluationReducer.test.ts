import type { EvaluationReport } from '../../../src/core/run/evaluationRun';
import {
  evaluationReducer,
  initialEvaluationState,
  type EvaluationAction,
  type EvaluationState,
} from '../../../src/taskpane/evaluation/evaluationReducer';

const report: EvaluationReport = { evaluations: [], focus: 'K-1', byType: [], problems: [] };

const run = (...actions: EvaluationAction[]): EvaluationState =>
  actions.reduce(evaluationReducer, initialEvaluationState());

describe('evaluationReducer', () => {
  it('loads, then writes once at a time and shows where it wrote', () => {
    const running = run({ type: 'loaded', report }, { type: 'writeStarted' });
    expect(running).toEqual({ status: 'ready', report, write: { status: 'running' } });
    expect(evaluationReducer(running, { type: 'writeStarted' })).toBe(running);
    expect(
      evaluationReducer(running, { type: 'written', sheet: 'Auswertung', typeSheet: 'Auswertung nach Typ' }),
    ).toMatchObject({ write: { status: 'written', sheet: 'Auswertung', typeSheet: 'Auswertung nach Typ' } });
  });

  it('a failed write keeps the evaluation on screen and can be tried again', () => {
    const failed = run(
      { type: 'loaded', report },
      { type: 'writeStarted' },
      { type: 'writeFailed', message: 'Excel antwortet nicht' },
    );
    expect(failed).toEqual({
      status: 'ready',
      report,
      write: { status: 'failed', message: 'Excel antwortet nicht' },
    });
    expect(evaluationReducer(failed, { type: 'writeStarted' })).toMatchObject({
      write: { status: 'running' },
    });
  });

  it.each<EvaluationAction>([
    { type: 'writeStarted' },
    { type: 'written', sheet: 'Auswertung', typeSheet: 'Auswertung nach Typ' },
    { type: 'writeFailed', message: 'x' },
  ])('ignores %j before the evaluation is there', (action) => {
    const loading = initialEvaluationState();
    expect(evaluationReducer(loading, action)).toBe(loading);
    const failed = run({ type: 'loadFailed', message: 'Kein Blatt „Umsätze“' });
    expect(evaluationReducer(failed, action)).toBe(failed);
  });
});
