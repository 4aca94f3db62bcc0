/**
 * Something the school's policy asks the administrator to do, as the
 * Dashboard lists it: what kind, in plain words, by when (yyyy-mm-dd, or
 * null when it is simply outstanding), and the screen where it is done (a
 * route such as "#/accounts/3"). The pure functions that find these live
 * beside their rules (temporary-access.ts, emergency-kit.ts).
 */
export interface PolicyItem {
  kind: 'temporary-access-ending' | 'emergency-kit-needed';
  message: string;
  dueOn: string | null;
  /** The route of the screen that deals with it. */
  screen: string;
}
