import { act, render } from '@testing-library/react';
import { MemoryWorkbook } from '../../../src/memory/memoryWorkbook';
import { sampleWorkbookTables } from '../../../src/sample/sampleWorkbook';
import { PaneSession } from '../../../src/taskpane/services/paneSession';
import { App } from '../../../src/taskpane/shell/App';
import { themeFromBackground, watchedTheme } from '../../../src/taskpane/shell/paneTheme';
import { testClock } from '../paneTestkit';

describe("following Office's theme while the pane is open", () => {
  it('turns dark when Office does, noticed when the pane gets the focus back, and light again', async () => {
    let background = '#FFFFFF';
    const theme = watchedTheme(() => themeFromBackground(background));
    const session = new PaneSession(new MemoryWorkbook(sampleWorkbookTables()), 'de', { now: testClock });
    const { container } = render(<App session={session} mode="preview" theme={theme} />);
    const provider = () => container.querySelector('[data-theme]')?.getAttribute('data-theme');
    expect(provider()).toBe('light');

    background = '#262626'; // File › Account › Office theme: black
    expect(provider()).toBe('light'); // not yet looked
    act(() => void window.dispatchEvent(new Event('focus')));
    expect(provider()).toBe('dark');

    background = '#F3F3F3';
    act(() => void document.dispatchEvent(new Event('visibilitychange')));
    expect(provider()).toBe('light');
  });

  it('also notices without focus, on its next look a few seconds later', () => {
    jest.useFakeTimers();
    try {
      let background = '#FFFFFF';
      const theme = watchedTheme(() => themeFromBackground(background));
      const seen: string[] = [];
      const stop = theme.subscribe(() => seen.push(theme.current()));
      background = '#000000';
      jest.advanceTimersByTime(3_000);
      expect(seen).toEqual(['dark']);
      stop();
      background = '#FFFFFF';
      jest.advanceTimersByTime(10_000);
      window.dispatchEvent(new Event('focus'));
      expect(seen).toEqual(['dark']); // no listener left, nothing polls
    } finally {
      jest.useRealTimers();
    }
  });
});
