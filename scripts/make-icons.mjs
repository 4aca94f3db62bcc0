// Renders assets/icon.svg to the PNG electron-builder turns into .ico, .icns
// and Linux icons. Uses the same Chromium as the e2e tests; run after
// changing the SVG: npm run icons
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync('assets/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.KEYHOLDER_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', 'width="1024" height="1024"')}</body></html>`,
);
writeFileSync(
  'assets/icon.png',
  await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 1024, height: 1024 } }),
);
await browser.close();
console.log('Wrote assets/icon.png (1024x1024)');
