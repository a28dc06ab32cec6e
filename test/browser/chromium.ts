/**
 * Debian's chromium for the browser tests, driven by playwright-core (nothing downloads a browser): where
 * it is, whether this machine has it (the tests skip without it), and one way to start it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/**
 * Playwright's own limits (30 s to start, to wait for a selector, an event or a function) only catch a
 * hang here: a busy 2-core machine can take longer than that for what takes a second on an idle one.
 */
const HANG = 300_000;

/**
 * Headless, offline-minded: no sandbox (CI runs as root), no GPU, no QUIC, no background traffic. Every
 * context (newPage() makes one too) waits up to HANG.
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    timeout: HANG,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(HANG);
    return context;
  };
  return browser;
}
