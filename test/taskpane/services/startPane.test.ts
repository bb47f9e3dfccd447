import { startPane } from '../../../src/taskpane/services/startPane';

/** Outside Excel (no office.js here) the pane starts in the preview; `?excelApi=` plays an Excel of that age. */
describe('startPane in the browser preview', () => {
  it.each([
    ['?excelApi=1.1', 'de'],
    ['?excelApi=1.6&lang=en', 'en'],
  ] as const)('%s: plays an Excel too old for the add-in', async (search, language) => {
    await expect(startPane(search)).resolves.toEqual({ mode: 'excelTooOld', language });
  });

  it.each(['', '?excelApi=1.7', '?excelApi=1.12&lang=en'])(
    '"%s": starts on the sample workbook',
    async (search) => {
      const start = await startPane(search);

      expect(start.mode).toBe('preview');
      expect(start.mode !== 'excelTooOld' && (await start.port.listSheets()).length).toBeGreaterThan(0);
    },
  );
});

describe('the preview plays a day', () => {
  it('dates the pane on the day of ?today=, at the time it is now', async () => {
    const start = await startPane('?today=2026-11-20');
    const now = start.mode !== 'excelTooOld' ? start.now?.() : undefined;
    expect([now?.getFullYear(), now?.getMonth(), now?.getDate()]).toEqual([2026, 10, 20]);
  });

  it.each(['', '?today=20.11.2026', '?today=soon'])('keeps the real clock for %p', async (search) => {
    const start = await startPane(search);
    expect(start.mode !== 'excelTooOld' && start.now).toBeUndefined();
  });
});
