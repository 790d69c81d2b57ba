import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Flags for a headless Chromium on a closed network: no background calls to the outside world.
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * A headless Chromium for the end-to-end tests: the one `npm ci` brings (@sparticuz/chromium ships
 * its binary inside the package), else Debian's. Never skips: without either it fails saying what
 * to install.
 */
export async function launchChromium(): Promise<Browser> {
  const tried: string[] = [];
  try {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    return await chromium.launch({ executablePath: await sparticuz.executablePath(), headless: true, args: QUIET_FLAGS });
  } catch (error) {
    tried.push(`@sparticuz/chromium: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return chromium.launch({ executablePath: DEBIAN_CHROMIUM, headless: true, args: QUIET_FLAGS });
  throw new Error(
    `no Chromium for the end-to-end tests (${tried.join('; ')}). Run "npm ci" (it installs @sparticuz/chromium), ` +
      `or install Debian's: apt-get update && apt-get install -y chromium`,
  );
}

export const SCREENSHOT_DIR = join(process.cwd(), '.data', 'e2e', 'screenshots');

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** What the page logged as errors, beyond refused calls the test caused on purpose (the browser logs each 4xx). */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
    problems.push(`${message.type()}: ${message.text()}`);
  });
  return problems;
}
