// Lighthouse 12.2.3 (pinned: later versions need Node 22) on Debian's Chromium, mobile defaults
// (simulated slow 4G, Moto G Power), performance category only.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

/** `count` runs against `url`, each in a fresh Chromium: [{ score, cls, lcp, fcp, tbt }]. */
export async function lighthouseRuns(url, count) {
  const runs = [];
  for (let i = 0; i < count; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
      const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      runs.push({
        score: Math.round(lhr.categories.performance.score * 100), cls: value('cumulative-layout-shift'),
        lcp: value('largest-contentful-paint'), fcp: value('first-contentful-paint'), tbt: value('total-blocking-time'),
      });
    } finally {
      await chrome.kill();
    }
  }
  return runs;
}
