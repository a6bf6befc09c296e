// Which Chromium the end-to-end tests drive, so `npm ci && npm test` needs nothing but Node and npm:
// CHROME_PATH when set, else the system's Chromium when there is one, else the headless Chromium
// that ships inside the @sparticuz/chromium package (a dev dependency, unpacked into the temp folder).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser to use, from the environment and what is installed. SOUNDINGS_E2E_BROWSER=bundled
 * skips the system's Chromium, to prove the suite passes on a machine that has none.
 */
export function chooseBrowser(env, exists = fs.existsSync) {
  if (env.CHROME_PATH) return { source: 'CHROME_PATH', executablePath: env.CHROME_PATH };
  const system = env.SOUNDINGS_E2E_BROWSER === 'bundled' ? undefined : SYSTEM_CHROMIUM_PATHS.find((candidate) => exists(candidate));
  if (system) return { source: 'system', executablePath: system };
  return { source: 'bundled' };
}

/** playwright-core launch options for a choice; the bundled browser is unpacked on first use. */
export async function launchOptionsFor(choice) {
  if (choice.source !== 'bundled') {
    if (!fs.existsSync(choice.executablePath)) {
      throw new Error(`Chromium was not found at ${choice.executablePath} (from ${choice.source}). Unset CHROME_PATH to use the bundled one.`);
    }
    return { executablePath: choice.executablePath, headless: true, args: CHROME_ARGS };
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  const executablePath = await bundled.executablePath();
  return {
    executablePath,
    headless: true,
    args: CHROME_ARGS,
    // Its own fonts (unpacked beside it), so text renders the same on a machine without any installed.
    env: { ...process.env, FONTCONFIG_PATH: path.join(os.tmpdir(), 'fonts') },
  };
}
