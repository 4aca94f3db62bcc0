import { useEffect, type RefObject } from 'react';

// Set by an action that opens a new page (adding an account opens it); read once by that page's heading.
let arriving = false;

/** Says that the next page to show its heading should take the keyboard focus (the dialog that led there is gone). */
export function focusHeadingOnArrival(): void {
  arriving = true;
}

/**
 * Moves the focus to this heading when the page was opened by an action
 * (focus would otherwise be lost with the dialog that closed), so a screen
 * reader announces where the administrator now is and Tab carries on from there.
 */
export function useFocusOnArrival(heading: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    if (!arriving || !heading.current) return;
    arriving = false;
    heading.current.focus();
  }, [heading]);
}
