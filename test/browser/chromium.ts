/**
 * Debian's chromium for the browser tests, driven by playwright-core (nothing downloads a browser): where
 * it is, whether this machine has it (the tests skip without it), and one way to start it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless, offline-minded: no sandbox (CI runs as root), no GPU, no QUIC, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
