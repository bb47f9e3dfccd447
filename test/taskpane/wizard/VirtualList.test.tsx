import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';
import { VirtualList, type ListSelection } from '../../../src/taskpane/wizard/VirtualList';
import { installLayoutStubs } from '../paneTestkit';

beforeAll(installLayoutStubs);

const ROWS = 500;

function pickList(selection: ListSelection) {
  render(
    <>
      <button>before</button>
      <VirtualList count={ROWS} label="Kontakte" selection={selection} renderRow={(i) => `Kontakt ${i}`} />
      <button>after</button>
    </>,
  );
  return userEvent.setup();
}

function actionList(onRemove: (row: number) => void) {
  render(
    <>
      <VirtualList
        count={ROWS}
        label="Mitglieder"
        renderRow={(i) => (
          <>
            Mitglied {i}
            <button tabIndex={-1} onClick={() => onRemove(i)}>
              Entfernen {i}
            </button>
            <button tabIndex={-1}>⋯ {i}</button>
          </>
        )}
      />
      <button>after</button>
    </>,
  );
  return userEvent.setup();
}

const selectionSpy = () => ({ isSelected: () => false, toggle: jest.fn(), selectAll: jest.fn() });

describe('a virtual list is one Tab stop', () => {
  it('takes one Tab, however many rows and buttons it has', async () => {
    const user = actionList(jest.fn());
    await user.tab();
    expect(screen.getByRole('grid', { name: 'Mitglieder' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });

  it('moves the active row with the arrow keys, Home, End and the page keys, and Space toggles it', async () => {
    const selection = selectionSpy();
    const user = pickList(selection);
    await user.tab();
    await user.tab();
    const grid = screen.getByRole('grid', { name: 'Kontakte' });
    expect(grid).toHaveFocus();
    expect(grid).toHaveAttribute('aria-multiselectable', 'true');

    await user.keyboard('{ArrowDown}{ArrowDown} ');
    expect(grid).toHaveAttribute('aria-activedescendant', screen.getByRole('row', { name: 'Kontakt 2' }).id);
    await user.keyboard('{ArrowUp} {End} {ArrowDown} {Home}{ArrowUp} {PageDown} ');
    const toggled = selection.toggle.mock.calls.map(([row]) => row as number);
    expect(toggled.slice(0, 5)).toEqual([2, 1, ROWS - 1, ROWS - 1, 0]);
    expect(toggled[5]).toBeGreaterThan(0);
  });

  it('selects every row with Ctrl+A, as the button beside it does', async () => {
    const selection = selectionSpy();
    const user = pickList(selection);
    await user.tab();
    await user.tab();
    await user.keyboard('{Control>}a{/Control}');
    expect(selection.selectAll).toHaveBeenCalledTimes(1);
    expect(selection.toggle).not.toHaveBeenCalled();
  });

  it('reaches the active row’s buttons with ArrowRight and goes back with ArrowLeft or Escape', async () => {
    const onRemove = jest.fn();
    const user = actionList(onRemove);
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Entfernen 1' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: '⋯ 1' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}{Enter}');
    expect(onRemove).toHaveBeenCalledWith(1);
    await user.keyboard('{Escape}');
    expect(screen.getByRole('grid', { name: 'Mitglieder' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Entfernen 1' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('grid', { name: 'Mitglieder' })).toHaveFocus();
    expect(screen.getByRole('grid', { name: 'Mitglieder' })).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('row', { name: /^Mitglied 2 / }).id,
    );
  });
});
