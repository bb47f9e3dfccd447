import { useEffect, useRef, type RefObject } from 'react';

const lost = (element: Element | null): boolean =>
  element === null || element === element.ownerDocument.body || !element.isConnected;

/** A dialog or menu closes when its choice starts the action: the place to return to is the button that opened it. */
const PASSING = '[role="dialog"], [role="alertdialog"], [role="menu"]';

const focusable = (element: HTMLElement | null): element is HTMLElement =>
  element !== null && element.isConnected && !element.hasAttribute('disabled');

/**
 * Gives the keyboard its place back when an action ends. The button that started it is disabled while it runs (or
 * opened the menu or dialog that closed), so focus fell to the page: it goes back to that button, or, when the button
 * is gone (a deleted campaign's card), to the action's message. Focus the user or a dialog put elsewhere stays there.
 * `within`: the action's own area; an action started from there (its "Erneut versuchen") keeps the first origin.
 */
export function useReturnFocus(
  busy: boolean,
  within: RefObject<HTMLElement | null>,
  message: RefObject<HTMLElement | null>,
): void {
  const lastFocused = useRef<HTMLElement | null>(null);
  const origin = useRef<HTMLElement | null>(null);
  const wasBusy = useRef(busy);

  useEffect(() => {
    const remember = (event: FocusEvent) => {
      if (event.target instanceof HTMLElement && !event.target.closest(PASSING))
        lastFocused.current = event.target;
    };
    document.addEventListener('focusin', remember);
    return () => document.removeEventListener('focusin', remember);
  }, []);

  useEffect(() => {
    const started = busy && !wasBusy.current;
    const ended = !busy && wasBusy.current;
    wasBusy.current = busy;
    if (started) {
      const from = lastFocused.current;
      if (!(from && within.current?.contains(from))) origin.current = from;
    }
    if (!ended || !lost(document.activeElement)) return;
    const back = focusable(origin.current) ? origin.current : message.current;
    back?.focus();
  }, [busy, within, message]);
}
