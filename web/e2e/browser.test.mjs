// Unit checks of the browser choice (node:test): `node --test e2e/browser.test.mjs`.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseBrowser } from './browser.mjs';

const nothingInstalled = () => false;
const debianChromium = (file) => file === '/usr/bin/chromium';

test('CHROME_PATH wins over everything', () => {
  assert.deepEqual(chooseBrowser({ CHROME_PATH: '/opt/chrome/chrome' }, debianChromium), { source: 'CHROME_PATH', executablePath: '/opt/chrome/chrome' });
});

test("the system's Chromium when there is one", () => {
  assert.deepEqual(chooseBrowser({}, debianChromium), { source: 'system', executablePath: '/usr/bin/chromium' });
});

test('the bundled Chromium on a machine without one', () => {
  assert.deepEqual(chooseBrowser({}, nothingInstalled), { source: 'bundled' });
});

test('SOUNDINGS_E2E_BROWSER=bundled skips the system Chromium', () => {
  assert.deepEqual(chooseBrowser({ SOUNDINGS_E2E_BROWSER: 'bundled' }, debianChromium), { source: 'bundled' });
});
