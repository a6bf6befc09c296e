// End-to-end check in real Chromium against the real server and a fresh database:
// node --test style (node:test), driven by playwright-core with the system's Chromium.
//
//   npm run build && npm run test:e2e -w web
//
// CHROME_PATH picks the browser (default /usr/bin/chromium). With DATABASE_URL set, a fresh database is
// created on that server for the run and dropped after; otherwise the server starts its embedded
// PostgreSQL in a fresh temporary DATA_DIR. Screenshots go to test-output/e2e/ at the repository root.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const outDir = path.join(repoRoot, 'test-output', 'e2e');
const serverEntry = path.join(repoRoot, 'api', 'dist', 'api', 'src', 'main.js');
const webIndex = path.join(repoRoot, 'web', 'dist', 'index.html');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** What the run started, so `after` (and an interrupted run) can stop all of it. */
const started = { server: null, browser: null, dataDir: null, dropDatabase: null, serverExited: null };

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A database of its own on the DATABASE_URL server, so the run never sees anyone else's rows. */
async function createFreshDatabase(adminUrl) {
  const { Client } = require('pg');
  const name = `soundings_e2e_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

async function waitForHealth(baseUrl, logFile, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  started.serverExited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) break;
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok && (await response.json()).status === 'ok') return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
  throw new Error(`The server ${exited ? 'exited' : 'did not answer /api/health'} (log: ${logFile}):\n${log}`);
}

async function stopServer() {
  const server = started.server;
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  server.kill('SIGTERM');
  const stopped = await Promise.race([
    started.serverExited.then(() => true),
    new Promise((resolve) => setTimeout(() => resolve(false), 20_000)),
  ]);
  if (!stopped) server.kill('SIGKILL');
}

async function cleanUp() {
  await started.browser?.close().catch(() => {});
  await stopServer();
  await started.dropDatabase?.().catch((error) => console.error(`Dropping the e2e database failed: ${error.message}`));
  if (started.dataDir) fs.rmSync(started.dataDir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    started.server?.kill('SIGTERM');
    process.exit(130);
  });
}

let baseUrl;
const consoleProblems = [];

before(async () => {
  assert.ok(
    fs.existsSync(chromePath),
    `Chromium was not found at ${chromePath}. Install it with \`apt-get install -y chromium\` (or set CHROME_PATH to a Chromium or Chrome binary).`,
  );
  assert.ok(fs.existsSync(serverEntry), `The API is not built (${serverEntry} is missing): run \`npm run build\` first.`);
  assert.ok(fs.existsSync(webIndex), `The web app is not built (${webIndex} is missing): run \`npm run build\` first.`);
  fs.mkdirSync(outDir, { recursive: true });

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  if (process.env.DATABASE_URL) {
    const database = await createFreshDatabase(process.env.DATABASE_URL);
    started.dropDatabase = database.drop;
    env.DATABASE_URL = database.url;
  } else {
    started.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-e2e-'));
    env.DATA_DIR = started.dataDir;
    delete env.DATABASE_URL;
  }

  const logFile = path.join(outDir, 'server.log');
  const log = fs.openSync(logFile, 'w');
  started.server = spawn(process.execPath, [serverEntry], { cwd: repoRoot, env, stdio: ['ignore', log, log] });
  started.serverExited = new Promise((resolve) => started.server.once('exit', resolve));
  await waitForHealth(baseUrl, logFile);

  // launch() gives every run a fresh, throw-away profile directory of its own.
  started.browser = await chromium.launch({ executablePath: chromePath, headless: true, args: CHROME_ARGS });
}, { timeout: 180_000 });

after(cleanUp, { timeout: 60_000 });

async function newPage() {
  const context = await started.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    // The API serves the app under script-src 'self': an inline script would show up here.
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(`page error: ${error.message}`));
  return page;
}

/** Toasts fade after a few seconds; screenshots wait so they show the page, not the toasts. */
async function screenshot(page, name) {
  // A toast under the mouse pointer never closes: move the pointer out of the way first.
  await page.mouse.move(0, 0);
  await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {});
  await page.screenshot({ path: path.join(outDir, name), fullPage: true });
}

async function choose(page, scope, comboboxName, optionName) {
  await scope.getByRole('combobox', { name: comboboxName }).click();
  await page.getByRole('option', { name: optionName, exact: true }).click();
}

test('a stakeholder is added, sounded with two fears, a fear is resolved, and the dashboard follows', { timeout: 180_000 }, async () => {
  const page = await newPage();

  // A new installation shows nothing but the one-time "create the first admin" page.
  await page.goto(`${baseUrl}/stakeholders`);
  await page.getByRole('heading', { name: 'Create the first admin' }).waitFor();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Hana Lead');
  await page.getByRole('textbox', { name: 'Email' }).fill('hana.lead@example.test');
  await page.locator('input[type="password"]').fill('coaching culture starts at the top');
  await page.getByRole('button', { name: 'Create admin and sign in' }).click();

  // An empty organisation says how to load the demo one.
  await page.getByText('No stakeholders yet').waitFor();
  await page.getByText('npm run seed:demo').waitFor();

  // Add a stakeholder through the form.
  await page.getByRole('button', { name: 'Add stakeholder' }).first().click();
  const addDialog = page.getByRole('dialog', { name: 'Add a stakeholder' });
  await addDialog.getByRole('textbox', { name: 'Name' }).fill('Grace Adeyemi');
  await addDialog.getByRole('textbox', { name: 'Job title' }).fill('Chief Operating Officer');
  await addDialog.getByRole('combobox', { name: 'Business function' }).fill('Operations');
  await choose(page, addDialog, 'Role', 'Top team');
  await choose(page, addDialog, 'Commitment we need from them', 'Committed');
  await addDialog.getByRole('button', { name: 'Add stakeholder' }).click();

  // Her page: not sounded yet, committed required.
  await page.getByRole('heading', { name: 'Grace Adeyemi', level: 2 }).waitFor();
  const track = page.getByRole('list', { name: 'Path to public support' });
  assert.match(await track.locator('li[aria-current="step"]').innerText(), /Not sounded/);
  await page.getByText('4 steps to Committed').waitFor();

  // Log a sounding with two fears; she is now open.
  await page.getByRole('link', { name: 'Log a sounding' }).click();
  await page.getByRole('heading', { name: 'Log a sounding with Grace Adeyemi' }).waitFor();
  await page.getByRole('textbox', { name: 'What did they say?' }).fill('Curious about coaching for her plant managers; wants proof it will not slow the line down.');
  await page
    .getByRole('textbox', { name: /own experience of a powerful developmental relationship/ })
    .fill('Her first site manager coached her through a failed launch; she still quotes him.');
  await page.getByRole('button', { name: 'Add a fear' }).click();
  await page.getByRole('textbox', { name: 'Fear 1 in their words' }).fill('My managers have no time to coach on top of the targets.');
  await choose(page, page, 'Fear 1 category', 'Time and workload');
  await page.getByRole('button', { name: 'Add a fear' }).click();
  await page.getByRole('textbox', { name: 'Fear 2 in their words' }).fill('If it goes wrong, it is my name on it in front of the board.');
  await choose(page, page, 'Fear 2 category', 'Personal exposure');
  await page.getByRole('textbox', { name: /What would they personally gain/ }).fill('Fewer escalations reaching her desk.');
  await page.getByRole('radio', { name: /Step 2.*Open/ }).check();
  await page.getByRole('textbox', { name: 'What happens next, and who does it?' }).fill('Send the two-page pilot outline');
  await page.getByRole('button', { name: 'Save sounding' }).click();

  // Back on her page: the path and the timeline show the conversation.
  await page.getByRole('heading', { name: 'Grace Adeyemi', level: 2 }).waitFor();
  await track.locator('li[aria-current="step"]', { hasText: 'Open' }).waitFor();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Curious about coaching for her plant managers', { exact: false }).waitFor();
  await timeline.getByText('“My managers have no time to coach on top of the targets.”').waitFor();
  await timeline.getByText('“If it goes wrong, it is my name on it in front of the board.”').waitFor();
  assert.match(await track.locator('li[data-level="open"]').innerText(), /Now\s+Open\s+\d{1,2} \w{3,4} \d{4}/i);
  await page.getByText('2 steps to Committed').first().waitFor();
  await screenshot(page, 'stakeholder.png');

  // The dashboard counts two open fears and one top-team member sounded.
  await page.getByLabel('Main navigation').getByRole('link', { name: /^Dashboard/ }).click();
  await page.getByText('1 of 1 sounded, 0 on board').waitFor();
  await page.getByRole('link', { name: 'Open fears: 2' }).waitFor();

  // Resolve one fear on the board; it moves column at once and stays there.
  await page.getByLabel('Main navigation').getByRole('link', { name: /^Fears/ }).click();
  const statement = 'My managers have no time to coach on top of the targets.';
  const openColumn = page.getByRole('region', { name: 'Open' });
  const resolvedColumn = page.getByRole('region', { name: 'Resolved' });
  await openColumn.getByText(`“${statement}”`).waitFor();
  const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes('/api/fears/'));
  await choose(page, openColumn, `Status of “${statement}”`, 'Resolved');
  assert.equal((await saved).status(), 200);
  await resolvedColumn.getByText(`“${statement}”`).waitFor();
  await openColumn.getByText(`“${statement}”`).waitFor({ state: 'detached' });

  // The dashboard follows: one open fear left, in the category still open.
  await page.getByLabel('Main navigation').getByRole('link', { name: /^Dashboard/ }).click();
  await page.getByRole('link', { name: 'Open fears: 1' }).waitFor();
  const fearsByCategory = page.getByRole('region', { name: 'Open fears by category' });
  await fearsByCategory.getByRole('link', { name: 'Personal exposure' }).waitFor();
  assert.equal(await fearsByCategory.getByRole('link', { name: 'Time and workload' }).count(), 0);
  await page.getByRole('region', { name: 'Commitment across the organisation' }).getByRole('link', { name: 'Open: 1' }).waitFor();
  await screenshot(page, 'dashboard.png');

  assert.deepEqual(consoleProblems, [], 'the browser reported errors (a CSP refusal would show here)');
});
