// `npm run lighthouse` (after `npm run build`): Lighthouse's performance and accessibility scores for the
// dashboard and a top-team stakeholder's page, with the mobile and the desktop presets, against the production
// build serving the demo organisation.
//
// Seeds the demo organisation into a throw-away DATA_DIR (its own embedded PostgreSQL), starts the built API on a
// free port, signs in, and runs Lighthouse LIGHTHOUSE_RUNS times (default 1) per page and preset in the Chromium
// the browser tests use (CHROME_PATH, else the system's, else the one inside @sparticuz/chromium), printing the
// median run's scores, LCP, TBT, CLS and the bytes transferred. The JSON reports land in test-output/lighthouse/.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { chooseBrowser, launchOptionsFor } from '../e2e/browser.mjs';

const webRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = path.resolve(webRoot, '..');
const apiDist = path.join(repoRoot, 'api', 'dist', 'api', 'src');
const reportDir = path.join(webRoot, 'test-output', 'lighthouse');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
/** e.g. LIGHTHOUSE_ONLY=dashboard-mobile,stakeholder-desktop to measure only those. */
const ONLY = process.env.LIGHTHOUSE_ONLY?.split(',');
const ADMIN = { email: 'lighthouse@example.test', password: 'a long lighthouse password for measuring pages' };

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

async function signIn(base) {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  assert.ok(response.ok, `sign-in answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
}

async function topTeamMember(base, cookie) {
  const response = await fetch(`${base}/api/stakeholders?role=top_team`, { headers: { cookie } });
  assert.ok(response.ok, `the stakeholder list answered ${response.status}`);
  const body = await response.json();
  const first = (body.items ?? body)[0];
  assert.ok(first?.id, 'the demo organisation has no top team: did the seed run?');
  return first;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const ms = (value) => `${Math.round(value)} ms`;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

function summarise(lhr) {
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  const scripts = lhr.audits['resource-summary']?.details?.items?.find((item) => item.resourceType === 'script');
  return {
    performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
    accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    transferred: audit('total-byte-weight'),
    script: scripts?.transferSize ?? NaN,
    unusedJs: lhr.audits['unused-javascript']?.details?.overallSavingsBytes ?? 0,
    unusedCss: lhr.audits['unused-css-rules']?.details?.overallSavingsBytes ?? 0,
    failedA11y: Object.values(lhr.audits)
      .filter((a) => lhr.categories.accessibility.auditRefs.some((ref) => ref.id === a.id) && a.score === 0)
      .map((a) => a.id),
  };
}

async function main() {
  for (const file of [path.join(apiDist, 'main.js'), path.join(apiDist, 'cli', 'seed-demo.js'), path.join(webRoot, 'dist', 'index.html')]) {
    assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run build\` first.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-lighthouse-'));
  const env = {
    DATA_DIR: dataDir,
    AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: 'warn',
  };
  let server;
  let chrome;
  try {
    console.log('Seeding the demo organisation into a throw-away data folder…');
    await run(path.join(apiDist, 'cli', 'seed-demo.js'), env);
    console.log('Starting the API…');
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
    const cookie = await signIn(base);
    const person = await topTeamMember(base, cookie);
    const pages = [
      { name: 'dashboard', url: `${base}/dashboard` },
      { name: `stakeholder (${person.name})`, url: `${base}/stakeholders/${person.id}` },
    ];

    const choice = chooseBrowser(process.env);
    const launch = await launchOptionsFor(choice);
    chrome = await chromeLauncher.launch({ chromePath: launch.executablePath, chromeFlags: launch.args.map((flag) => (flag === '--headless' ? '--headless=new' : flag)), envVars: launch.env ?? process.env });
    console.log(`Lighthouse 12 in ${launch.executablePath} (${choice.source}), ${RUNS} run(s) each, median shown.\n`);
    fs.mkdirSync(reportDir, { recursive: true });

    const rows = [];
    for (const page of pages) {
      for (const [preset, config] of [
        ['mobile', undefined],
        ['desktop', desktopConfig],
      ]) {
        if (ONLY && !ONLY.includes(`${page.name.split(' ')[0]}-${preset}`)) continue;
        const runs = [];
        for (let i = 0; i < RUNS; i++) {
          const result = await lighthouse(
            page.url,
            {
              port: chrome.port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: ['performance', 'accessibility'],
              extraHeaders: { Cookie: cookie },
              // A loaded machine paints late; Lighthouse's 30 s default then reports no paint at all.
              maxWaitForFcp: 90_000,
              maxWaitForLoad: 120_000,
            },
            config,
          );
          assert.ok(result, `Lighthouse returned nothing for ${page.url}`);
          const finalUrl = result.lhr.finalDisplayedUrl ?? result.lhr.finalUrl;
          assert.ok(!result.lhr.runtimeError, `${page.url}: ${result.lhr.runtimeError?.message}`);
          runs.push({ summary: summarise(result.lhr), report: result.report, finalUrl });
        }
        const middle = median(runs.map((r) => r.summary.performance));
        const chosen = runs.find((r) => r.summary.performance === middle);
        fs.writeFileSync(path.join(reportDir, `${page.name.split(' ')[0]}-${preset}.json`), chosen.report);
        rows.push({ page: page.name.split(' ')[0], preset, ...chosen.summary, scores: runs.map((r) => r.summary.performance) });
      }
    }

    console.log(
      ['page', 'preset', 'perf', 'a11y', 'FCP', 'LCP', 'TBT', 'CLS', 'transferred', 'of it JS', 'unused JS', 'unused CSS'].map((h) => h.padEnd(12)).join(''),
    );
    for (const row of rows) {
      console.log(
        [row.page, row.preset, String(row.performance), String(row.accessibility), ms(row.fcp), ms(row.lcp), ms(row.tbt), row.cls.toFixed(3), kib(row.transferred), kib(row.script), kib(row.unusedJs), kib(row.unusedCss)]
          .map((cell) => cell.padEnd(12))
          .join(''),
      );
      if (RUNS > 1) console.log(`${''.padEnd(24)}performance over the runs: ${row.scores.join(', ')}`);
      if (row.failedA11y.length) console.log(`${''.padEnd(24)}accessibility audits failed: ${row.failedA11y.join(', ')}`);
    }
    console.log(`\nReports: ${path.relative(repoRoot, reportDir)}/`);
  } finally {
    await chrome?.kill();
    if (server) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
