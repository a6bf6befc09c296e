// `npm run screenshots -w web` (after `npm run build`): every page of the app, as a signed-in admin sees it with the
// demo organisation, at a desk (1440 x 900) and on a phone (390 x 844), into web/screenshots/, with the two printable
// pages also in print media and as PDFs.
//
// Seeds the demo organisation into a throw-away DATA_DIR (its own embedded PostgreSQL; SCREENSHOTS_DATA_DIR keeps one
// between runs and seeds it only once), starts the built API on a free port and drives the Chromium the browser tests
// use (see e2e/browser.mjs). Beside each picture it writes what a reader would trip over and a machine can see:
// sideways scrolling on a phone, text running out of its box, raw keys, ids or ISO dates in the text, and chrome
// left in a print (web/screenshots/findings.txt). SCREENSHOTS_ONLY=dashboard,meeting takes only the pages named.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chooseBrowser, launchOptionsFor } from '../e2e/browser.mjs';

const webRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = path.resolve(webRoot, '..');
const apiDist = path.join(repoRoot, 'api', 'dist', 'api', 'src');
const outDir = path.join(webRoot, 'screenshots');
const ONLY = process.env.SCREENSHOTS_ONLY?.split(',');
const ADMIN = { email: 'screenshots@example.test', password: 'a long password for looking at every page' };
const VIEWPORTS = [
  { name: 'desk', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
];

function run(entry, env, { waitFor } = {}) {
  const child = spawn(process.execPath, [entry], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (!waitFor) {
    return exited.then((code) => {
      if (code !== 0) throw new Error(`${path.basename(entry)} exited with ${code}:\n${output}`);
    });
  }
  return new Promise((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = waitFor.exec(output);
      if (match) resolve({ child, match, exited });
    });
    void exited.then((code) => reject(new Error(`${path.basename(entry)} exited with ${code} before it was ready:\n${output}`)));
  });
}

async function apiClient(base) {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  assert.ok(response.ok, `sign-in answered ${response.status}`);
  const cookie = response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  return async (url) => {
    const answer = await fetch(`${base}${url}`, { headers: { cookie } });
    assert.ok(answer.ok, `${url} answered ${answer.status}`);
    return answer.json();
  };
}

/** Real ids from the demo: a top-team member with soundings, a meeting with attendees, a pilot. */
async function demoIds(get) {
  const people = await get('/api/stakeholders?role=top_team&pageSize=50');
  assert.ok(people.items.length > 0, 'the demo organisation has no top team: did the seed run?');
  let person;
  let sounding;
  for (const candidate of people.items) {
    const soundings = await get(`/api/stakeholders/${candidate.id}/soundings`);
    const list = soundings.items ?? soundings;
    if (list.length > 1) {
      person = candidate;
      sounding = list[0];
      break;
    }
  }
  assert.ok(person, 'no top-team member has two soundings');
  const meetings = await get('/api/meetings?pageSize=20');
  const meeting = meetings.items.find((candidate) => (candidate.attendees?.length ?? candidate.attendeeCount ?? 0) > 0) ?? meetings.items[0];
  const pilot = (await get('/api/pilots?pageSize=1')).items[0];
  return { person, sounding, meeting, pilot };
}

/** Every route of web/src/app/router.tsx, with real ids. `print` pages are also taken in print media and as PDFs. */
function pages({ person, sounding, meeting, pilot }) {
  return [
    { name: 'dashboard', url: '/dashboard' },
    { name: 'recommendations', url: '/recommendations' },
    { name: 'stakeholders', url: '/stakeholders' },
    { name: 'stakeholder', url: `/stakeholders/${person.id}` },
    { name: 'sounding-new', url: `/stakeholders/${person.id}/soundings/new` },
    { name: 'sounding-edit', url: `/stakeholders/${person.id}/soundings/${sounding.id}/edit` },
    { name: 'stakeholder-print', url: `/stakeholders/${person.id}/print`, print: true },
    { name: 'fears', url: '/fears' },
    { name: 'briefings', url: '/briefings' },
    { name: 'meetings', url: '/meetings' },
    ...(meeting ? [
      { name: 'meeting', url: `/meetings/${meeting.id}` },
      { name: 'meeting-print', url: `/meetings/${meeting.id}/print`, print: true },
    ] : []),
    // Its table of people fills in after the picture is drawn (a deferred render).
    { name: 'network', url: '/coalition/network', ready: 'table[aria-label="People in view"] tbody tr' },
    { name: 'grid', url: '/coalition/grid' },
    { name: 'relationships', url: '/coalition/relationships' },
    { name: 'narratives', url: '/coalition/narratives' },
    { name: 'priorities', url: '/priorities' },
    { name: 'champions', url: '/champions' },
    { name: 'expectations', url: '/expectations' },
    { name: 'pilots', url: '/pilots' },
    ...(pilot ? [{ name: 'pilot', url: `/pilots/${pilot.id}` }] : []),
    { name: 'programme', url: '/programme' },
    { name: 'users', url: '/users' },
    { name: 'audit', url: '/audit' },
    { name: 'deleted', url: '/deleted' },
    { name: 'settings', url: '/settings' },
    { name: 'account', url: '/account' },
    { name: 'not-found', url: '/no-such-page' },
  ];
}

/** What the page shows that a reader would call wrong and a script can see. */
async function inspect(page, { print = false } = {}) {
  return page.evaluate((print) => {
    const problems = [];
    const viewport = document.documentElement.clientWidth;
    const describe = (element) => {
      const label = element.getAttribute('aria-label') ?? element.textContent?.trim().replace(/\s+/g, ' ').slice(0, 60) ?? '';
      const cls = typeof element.className === 'string' ? element.className.split(' ').filter((c) => c.startsWith('mantine-') || c.includes('_')).slice(0, 2).join('.') : '';
      return `<${element.tagName.toLowerCase()}${cls ? ` .${cls}` : ''}> "${label}"`;
    };
    const visible = (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0;
    };
    /** Inside a box that scrolls or clips sideways on purpose (a table region, a chart). */
    const clippedByAncestor = (element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflow = getComputedStyle(parent).overflowX;
        if (overflow !== 'visible') return true;
      }
      return false;
    };
    if (document.documentElement.scrollWidth > viewport + 1) {
      problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px wide in a ${viewport} px window`);
    }
    const all = [...document.body.querySelectorAll('*')];
    const sticking = all.filter((element) => visible(element) && element.getBoundingClientRect().right > viewport + 1 && !clippedByAncestor(element));
    // Only the outermost: its children stick out with it.
    for (const element of sticking.filter((element) => !sticking.includes(element.parentElement)).slice(0, 5)) {
      problems.push(`sticks out ${Math.round(element.getBoundingClientRect().right - viewport)} px to the right: ${describe(element)}`);
    }
    const leaves = all.filter((element) => visible(element) && element.children.length === 0 && element.textContent.trim());
    for (const element of leaves) {
      const style = getComputedStyle(element);
      if (style.textOverflow === 'ellipsis' || element.closest('svg')) continue;
      // A visually hidden label is a 1 px box on purpose.
      if (element.scrollWidth > element.clientWidth + 2 && element.clientWidth > 1 && style.overflowX !== 'visible') {
        problems.push(`text cut off (${element.scrollWidth} px in ${element.clientWidth} px): ${describe(element)}`);
      }
    }
    const text = document.body.innerText;
    const rawKeys = [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? [])];
    if (rawKeys.length) problems.push(`raw keys in the text: ${rawKeys.slice(0, 8).join(', ')}`);
    const ids = [...new Set(text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g) ?? [])];
    if (ids.length) problems.push(`ids in the text: ${ids.slice(0, 3).join(', ')}`);
    const isoDates = [...new Set(text.match(/\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/g) ?? [])];
    if (isoDates.length) problems.push(`ISO dates in the text: ${isoDates.slice(0, 5).join(', ')}`);
    if (/\b(undefined|null|NaN|\[object Object\])\b/.test(text)) problems.push(`"${text.match(/\b(undefined|null|NaN|\[object Object\])\b/)[0]}" in the text`);
    if (print) {
      const chrome = ['nav', 'header', 'button', '[role="alert"]', '.mantine-Notification-root', '.mantine-AppShell-navbar', '.mantine-AppShell-header', '.mantine-Tooltip-tooltip'];
      for (const selector of chrome) {
        const shown = [...document.querySelectorAll(selector)].filter(visible);
        if (shown.length) problems.push(`print shows ${shown.length} × ${selector}: ${describe(shown[0])}`);
      }
    }
    return problems;
  }, print);
}

async function settle(page) {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('.mantine-Loader-root').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
  await page.mouse.move(0, 0);
  // A form that focuses its first field scrolls to it; a full-page picture is taken from the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 10_000 }).catch(() => {});
}

async function main() {
  for (const file of [path.join(apiDist, 'main.js'), path.join(apiDist, 'cli', 'seed-demo.js'), path.join(webRoot, 'dist', 'index.html')]) {
    assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run build\` first.`);
  }
  const keep = process.env.SCREENSHOTS_DATA_DIR;
  const dataDir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-screenshots-'));
  fs.mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, 'screenshots-audit.key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
  const env = { DATA_DIR: dataDir, AUDIT_HMAC_KEY: fs.readFileSync(keyFile, 'utf8'), LOG_LEVEL: 'warn' };
  const seededMark = path.join(dataDir, 'screenshots-seeded');
  let server;
  let browser;
  try {
    if (!fs.existsSync(seededMark)) {
      console.log('Seeding the demo organisation…');
      await run(path.join(apiDist, 'cli', 'seed-demo.js'), env);
      fs.writeFileSync(seededMark, new Date().toISOString());
    }
    server = await run(
      path.join(apiDist, 'main.js'),
      {
        ...env,
        PORT: '0',
        HOST: '127.0.0.1',
        SOUNDINGS_ADMIN_EMAIL: ADMIN.email,
        SOUNDINGS_ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_LOGINS_PER_MINUTE: '1000',
      },
      { waitFor: /running at http:\/\/localhost:(\d+)/ },
    );
    const base = `http://127.0.0.1:${server.match[1]}`;
    const list = pages(await demoIds(await apiClient(base)));

    const choice = chooseBrowser(process.env);
    browser = await chromium.launch(await launchOptionsFor(choice));
    fs.mkdirSync(outDir, { recursive: true });
    const findings = [];
    const note = (what, problems) => {
      for (const problem of problems) findings.push(`${what}: ${problem}`);
    };

    for (const viewport of VIEWPORTS) {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'en-GB', timezoneId: 'Europe/London' });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      page.on('pageerror', (error) => findings.push(`${viewport.name} ${page.url()}: page error: ${error.message}`));

      await page.goto(`${base}/dashboard`);
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      if (!ONLY || ONLY.includes('sign-in')) {
        await page.screenshot({ path: path.join(outDir, `sign-in-${viewport.name}.png`), fullPage: true });
        note(`sign-in ${viewport.name}`, await inspect(page));
      }
      await page.getByRole('textbox', { name: 'Email' }).fill(ADMIN.email);
      await page.locator('input[type="password"]').fill(ADMIN.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

      for (const entry of list) {
        if (ONLY && !ONLY.includes(entry.name)) continue;
        const what = `${entry.name} ${viewport.name}`;
        try {
          await page.goto(`${base}${entry.url}`);
          await settle(page);
          if (entry.ready) await page.locator(entry.ready).first().waitFor();
          await page.screenshot({ path: path.join(outDir, `${entry.name}-${viewport.name}.png`), fullPage: true });
          note(what, await inspect(page));
          if (entry.print && viewport.name === 'desk') {
            await page.emulateMedia({ media: 'print' });
            await page.setViewportSize({ width: 794, height: 1123 });
            await page.screenshot({ path: path.join(outDir, `${entry.name}-print-media.png`), fullPage: true });
            note(`${entry.name} print`, await inspect(page, { print: true }));
            const pdf = await page.pdf({ path: path.join(outDir, `${entry.name}.pdf`), format: 'A4', printBackground: true });
            const sheets = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
            console.log(`${entry.name}.pdf: ${sheets} A4 page(s)`);
            await page.emulateMedia({ media: 'screen' });
            await page.setViewportSize({ width: viewport.width, height: viewport.height });
          }
          console.log(`${what}: taken`);
        } catch (error) {
          findings.push(`${what}: could not be taken: ${error.message.split('\n')[0]}`);
          await page.screenshot({ path: path.join(outDir, `${entry.name}-${viewport.name}.png`), fullPage: true }).catch(() => {});
        }
      }
      await context.close();
    }
    fs.writeFileSync(path.join(outDir, 'findings.txt'), `${findings.join('\n')}\n`);
    console.log(`\n${findings.length} finding(s):\n${findings.join('\n')}\n\nPictures: ${path.relative(repoRoot, outDir)}/`);
  } finally {
    await browser?.close();
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
