import { renderHook, waitFor } from '@testing-library/react';
import { describeProblem } from '../../../src/core/kernel/problemMessages';
import { WorkbookError } from '../../../src/core/workbook/workbookError';
import { useLoaded } from '../../../src/taskpane/mapping/useLoaded';

/** A load whose result the test hands over when it wants. */
const deferred = <T,>() => {
  let settle!: { resolve(value: T): void; reject(error: unknown): void };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { load: () => promise, ...settle };
};

describe('useLoaded', () => {
  it('is loading until the value is there', async () => {
    const sheets = deferred<string[]>();
    const { result } = renderHook(() => useLoaded(sheets.load, 'de'));
    expect(result.current).toEqual({ status: 'loading' });
    sheets.resolve(['Kunden']);
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: ['Kunden'] }));
  });

  it("ends a failure as the core's message", async () => {
    const sheet = deferred<string[]>();
    const { result } = renderHook(() => useLoaded(sheet.load, 'de'));
    sheet.reject(new WorkbookError('hostError', 'Kunden'));
    const message = describeProblem({ code: 'hostError', severity: 'error', sheet: 'Kunden' }, 'de');
    await waitFor(() => expect(result.current).toEqual({ status: 'failed', message }));
  });

  it('shows only the last load: an earlier one that answers late is dropped', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const { result, rerender } = renderHook(({ load }) => useLoaded(load, 'de'), {
      initialProps: { load: first.load },
    });
    rerender({ load: second.load });
    second.resolve('Umsätze');
    await waitFor(() => expect(result.current).toEqual({ status: 'ready', value: 'Umsätze' }));
    first.resolve('Kunden');
    await first.load();
    expect(result.current).toEqual({ status: 'ready', value: 'Umsätze' });
  });

  it('is null while there is nothing to load', () => {
    const { result } = renderHook(() => useLoaded(null, 'de'));
    expect(result.current).toBeNull();
  });
});
