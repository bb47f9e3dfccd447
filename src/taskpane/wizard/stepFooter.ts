import { createContext } from 'react';

/**
 * Where a step puts its main action ("Hinzufügen"): the wizard's sticky footer, beside Zurück and Weiter, so that it
 * is in view however long the step is. Null outside the wizard: the step then shows the action in place.
 */
export const StepFooterSlot = createContext<HTMLElement | null>(null);
