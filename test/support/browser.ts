/**
 * A real browser for end-to-end tests of the dashboard: Debian's Chromium (/usr/bin/chromium,
 * or CHROMIUM_PATH) driven by playwright-core — no browser download. `.ci/run` installs the
 * package when it is missing; without it the tests fail and say so (they never pass silently).
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots are test artifacts (git-ignored): test-artifacts/screenshots/<name>.png. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export class BrowserMissingError extends Error {
  constructor(detail: string) {
    super(
      `Chromium is needed for the dashboard's end-to-end test and could not be started (${detail}). ` +
        `Install Debian's package (apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH ` +
        `to a Chromium or Chrome binary.`,
    );
    this.name = 'BrowserMissingError';
  }
}

/** Headless Chromium; throws BrowserMissingError when there is none. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new BrowserMissingError(`no file at ${CHROMIUM_PATH}`);
  try {
    return await chromium.launch({
      executablePath: CHROMIUM_PATH,
      // The machine's network is closed: no background connections, no component updates.
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      timeout: 60_000,
    });
  } catch (err) {
    throw new BrowserMissingError(
      `${CHROMIUM_PATH} did not start: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Save a full-page screenshot as test-artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}
