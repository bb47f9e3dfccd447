import { useCallback, useEffect, useReducer, useRef } from 'react';
import { describeProblem } from '../../core/kernel/problemMessages';
import type { Problem } from '../../core/kernel/problems';
import type { PaneSession } from '../services/paneSession';
import { evaluationReducer, initialEvaluationState, type EvaluationState } from './evaluationReducer';
import { nextPaint } from '../services/nextPaint';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Evaluates the workbook once when the view opens; `write` puts the result on the "Auswertung" sheets. */
export function useEvaluation(
  session: PaneSession,
  campaignId: string,
): { state: EvaluationState; write(): Promise<void> } {
  const [state, dispatch] = useReducer(evaluationReducer, undefined, initialEvaluationState);
  const stateRef = useRef(state);
  stateRef.current = state;
  const describe = useCallback(
    (problems: Problem[]) => problems.map((p) => describeProblem(p, session.language)).join(' '),
    [session],
  );

  useEffect(() => {
    let current = true;
    session
      .evaluate(campaignId)
      .then((result) => {
        if (!current) return;
        dispatch(
          result.ok
            ? { type: 'loaded', report: result.value }
            : { type: 'loadFailed', message: describe(result.error) },
        );
      })
      .catch((error: unknown) => current && dispatch({ type: 'loadFailed', message: messageOf(error) }));
    return () => {
      current = false;
    };
  }, [campaignId, describe, session]);

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
          : { type: 'writeFailed', message: describe(written.error) },
      );
    } catch (error) {
      dispatch({ type: 'writeFailed', message: messageOf(error) });
    }
  }, [describe, session]);

  return { state, write };
}
