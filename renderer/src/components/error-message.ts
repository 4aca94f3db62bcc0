/** The message to show for anything thrown by a call or a form: the API's own words, or a plain fallback. */
export function errorMessage(
  error: unknown,
  fallback = 'Something went wrong. Nothing was changed; try again.',
): string {
  return error instanceof Error && error.message ? error.message : fallback;
}
