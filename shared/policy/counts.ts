/**
 * Counts as the school reads them: "10,000", not "10000", on every screen
 * and in the printed documents. One formatter, made once (a new one per
 * call costs far more than the formatting).
 */
const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatCount(count: number): string {
  return grouped.format(count);
}
