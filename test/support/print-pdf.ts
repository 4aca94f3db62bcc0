import type { Browser } from 'playwright-core';

/**
 * Renders a printed document to PDF as the Electron platform does: in a
 * page with JavaScript off, the document's own @page size preferred, a
 * tagged PDF. Chromium here, Electron's printToPDF there: the same engine.
 */
export function chromiumPdfRenderer(browser: Browser): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  };
}
