import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

/** WCAG 2.1 A and AA, and target size (WCAG 2.2 AA 2.5.8), the bar the issue sets for every screen. */
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source: string | null = null;
function axeSource(): string {
  source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

/**
 * Runs axe-core over what the page shows now (an open dialog included) and
 * returns each violation in a line: rule, impact and the elements it found,
 * so a failing test says what to fix. Injected through the debugger, so the
 * page's own CSP (no inline script) stays as it is.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const present = await page.evaluate(() => 'axe' in window);
  if (!present) await page.evaluate(axeSource());
  const results = await page.evaluate(
    (runTags) =>
      (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe.run(document, {
        runOnly: { type: 'tag', values: runTags },
        rules: { 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      }),
    tags,
  );
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
