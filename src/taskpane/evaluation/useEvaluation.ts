import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { PaneSession } from '../services/paneSession';
import { failureText, problemsText } from '../services/problemText';
import { evaluationReducer, initialEvaluationState, type EvaluationState } from './evaluationReducer';
import { nextPaint } from '../services/pauses';

export interface Evaluation {
  state: EvaluationState;
  /** Evaluates the workbook again (after a failure: "Erneut versuchen"). */
  reload(): void;
  /** Puts the result on the "Auswertung" sheets. */
  write(): Promise<void>;
}

/** Evaluates the workbook when the view opens; every failure ends as a sentence of the core's problem texts. */
export function useEvaluation(session: PaneSession, campaignId: string): Evaluation {
  const [state, dispatch] = useReducer(evaluationReducer, undefined, initialEvaluationState);
  const [attempt, setAttempt] = useState(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    let current = true;
    dispatch({ type: 'loadStarted' });
    session
      .evaluate(campaignId)
      .then((result) => {
        if (!current) return;
        dispatch(
          result.ok
            ? { type: 'loaded', report: result.value }
            : { type: 'loadFailed', message: problemsText(result.error, session.language) },
        );
      })
      .catch(
        (error: unknown) =>
          current && dispatch({ type: 'loadFailed', message: failureText(error, session.language) }),
      );
    return () => {
      current = false;
    };
  }, [attempt, campaignId, session]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const write = useCallback(async () => {
    const now = stateRef.current;
    if (now.status !== 'ready' || now.write.status === 'running') return;
    dispatch({ type: 'writeStarted' });
    await nextPaint();
    try {
      const written = await session.writeEvaluation(now.report);
      dispatch(
        written.ok
          ? { type: 'written', sheet: written.value.sheet, typeSheet: written.value.typeSheet }
          : { type: 'writeFailed', message: problemsText(written.error, session.language) },
      );
    } catch (error) {
      dispatch({ type: 'writeFailed', message: failureText(error, session.language) });
    }
  }, [session]);

  return { state, reload, write };
}
