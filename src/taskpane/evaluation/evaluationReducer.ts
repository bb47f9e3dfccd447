import type { EvaluationReport } from '../../core/run/evaluationRun';

/** Writing the "Auswertung" sheets: one write at a time, its result shown until the next. */
export type SheetWrite =
  | { status: 'idle' }
  | { status: 'running' }
  | { status: 'written'; sheet: string; typeSheet: string }
  | { status: 'failed'; message: string };

export type EvaluationState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; report: EvaluationReport; write: SheetWrite };

export type EvaluationAction =
  | { type: 'loadStarted' }
  | { type: 'loaded'; report: EvaluationReport }
  | { type: 'loadFailed'; message: string }
  | { type: 'writeStarted' }
  | { type: 'written'; sheet: string; typeSheet: string }
  | { type: 'writeFailed'; message: string };

export const initialEvaluationState = (): EvaluationState => ({ status: 'loading' });

export function evaluationReducer(state: EvaluationState, action: EvaluationAction): EvaluationState {
  switch (action.type) {
    case 'loadStarted':
      return state.status === 'loading' ? state : { status: 'loading' };
    case 'loaded':
      return { status: 'ready', report: action.report, write: { status: 'idle' } };
    case 'loadFailed':
      return { status: 'failed', message: action.message };
    case 'writeStarted':
      return state.status === 'ready' && state.write.status !== 'running'
        ? { ...state, write: { status: 'running' } }
        : state;
    case 'written':
      return state.status === 'ready'
        ? { ...state, write: { status: 'written', sheet: action.sheet, typeSheet: action.typeSheet } }
        : state;
    case 'writeFailed':
      return state.status === 'ready'
        ? { ...state, write: { status: 'failed', message: action.message } }
        : state;
  }
}
