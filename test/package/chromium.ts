// Headless Chromium for the package test, on the same terms as test/worker/browser.chromium.test.ts:
// Debian's /usr/bin/chromium (or TAILGUARD_CHROMIUM) driven by playwright-core, never a downloaded
// browser. Without them the browser checks are skipped and say so, unless TAILGUARD_REQUIRE_BROWSER
// is set (.ci/run sets it), which makes a missing browser an error.
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.TAILGUARD_CHROMIUM ?? '/usr/bin/chromium';

async function playwright(): Promise<typeof import('playwright-core') | undefined> {
  try {
    return await import('playwright-core');
  } catch {
    return undefined;
  }
}

const pw = await playwright();

/** What is missing for the browser checks (empty when they can run). */
export const missing = [!existsSync(CHROMIUM) && `Chromium (${CHROMIUM})`, !pw && 'playwright-core']
  .filter((item): item is string => typeof item === 'string');

if (missing.length > 0 && process.env.TAILGUARD_REQUIRE_BROWSER) {
  throw new Error(`TAILGUARD_REQUIRE_BROWSER is set but ${missing.join(' and ')} is missing`);
}
if (missing.length > 0) {
  console.warn(`[package browser check SKIPPED] it needs ${missing.join(' and ')}: apt-get install -y chromium; npm i -D -E playwright-core`);
}

/**
 * Opens `url` in headless Chromium, waits until the page sets `window.__result`, and returns it
 * (JSON round trip) with any uncaught page errors.
 */
export async function runPage(url: string, timeoutMs = 60_000): Promise<{ result: unknown; pageErrors: string[] }> {
  if (!pw) throw new Error('playwright-core is missing');
  const browser = await pw.chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--headless', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __result?: unknown }).__result !== undefined, undefined, { timeout: timeoutMs });
    const result = await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __result: unknown }).__result)) as unknown);
    return { result, pageErrors };
  } finally {
    await browser.close();
  }
}
