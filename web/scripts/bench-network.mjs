// `npm run bench:network` (after `npm run build`): how long the influence network takes to draw its first
// frame with 500 people and 1,500 influence links, in headless Chromium on this machine.
//
// Loads the people (each outside the top team reporting to someone) and the links into a throw-away embedded
// PostgreSQL, starts the built API on it, then opens /coalition/network in a fresh browser context (cold cache,
// new session) BENCH_RUNS times and reads the page's own User Timing entries: navigation start → first frame,
// data arrival → first frame. In the same run it draws the same data on a bare page (sigma on the same
// seeded ForceAtlas2 layout, no React, no app) so the machine's noise and the app's own share both show.
// Sizes via env: BENCH_PEOPLE (500), BENCH_LINKS (1500), BENCH_RUNS (7).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chooseBrowser, launchOptionsFor } from '../e2e/browser.mjs';

const require = createRequire(import.meta.url);
const webRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const repoRoot = path.resolve(webRoot, '..');
const serverEntry = path.join(repoRoot, 'api', 'dist', 'api', 'src', 'main.js');
const embeddedEntry = path.join(repoRoot, 'api', 'dist', 'api', 'src', 'database', 'embedded-postgres.js');

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 500);
const LINKS = Number(process.env.BENCH_LINKS ?? 1500);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ADMIN = { email: 'bench.network@example.test', password: 'a long bench password for drawing networks' };
const VIEWPORT = { width: 1280, height: 900 };

const FIRST_RENDER = 'network:first-render';
const FROM_DATA = 'network:first-render-from-data';

/** The port the API says it listens on (it is started on any free one). */
function listeningAt(server) {
  return new Promise((resolve, reject) => {
    let output = '';
    server.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const match = /running at http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    });
    server.once('exit', (code) => reject(new Error(`the API exited with ${code} before listening:\n${output}`)));
  });
}

async function waitForHealth(base, server) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the API exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not answer /api/health');
}

/** A pseudo-random sequence from a seed, so every run loads the same organisation. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function load(databaseUrl) {
  const { Client } = require('pg');
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const random = seeded(20261201);
    const functions = ['Finance', 'IT', 'Sales', 'Operations', 'HR', 'Legal'];
    const levels = ['not_sounded', 'sounded', 'open', 'supportive', 'committed', 'public_champion', 'resistant'];
    const people = Array.from({ length: PEOPLE }, (_, i) => ({
      name: `Person ${String(i + 1).padStart(3, '0')}`,
      businessFunction: functions[i % functions.length],
      role: i < 8 ? 'top_team' : i < 60 ? 'senior_leader' : 'line_manager',
      influence: i % 4 === 0 ? null : 1 + Math.floor(random() * 5),
      commitment: levels[Math.floor(random() * levels.length)],
    }));
    const { rows } = await db.query(
      `INSERT INTO stakeholders (name, business_function, role, influence, commitment, search_text, required_commitment)
       SELECT p.name, p.fn, p.role, p.influence, p.commitment, lower(p.name), CASE WHEN p.role = 'top_team' THEN 'committed' END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) WITH ORDINALITY AS p(name, fn, role, influence, commitment, n)
        ORDER BY p.n RETURNING id`,
      [people.map((p) => p.name), people.map((p) => p.businessFunction), people.map((p) => p.role), people.map((p) => p.influence), people.map((p) => p.commitment)],
    );
    const ids = rows.map((row) => row.id);
    // Outside the top team everyone reports to someone listed before them: a tree rooted in the top team.
    const reports = ids.slice(8).map((id, i) => [id, ids[Math.floor(random() * (i + 8))]]);
    await db.query(`UPDATE stakeholders s SET reports_to_id = r.manager FROM unnest($1::uuid[], $2::uuid[]) AS r(id, manager) WHERE s.id = r.id`, [
      reports.map(([id]) => id),
      reports.map(([, manager]) => manager),
    ]);
    const kinds = ['looks_to', 'looks_to', 'looks_to', 'mentor', 'ally', 'conflict'];
    const seen = new Set();
    const links = [];
    while (links.length < LINKS) {
      const from = Math.floor(random() * PEOPLE);
      // Influence leans towards the first (more senior) people, as it does in an organisation.
      const to = Math.floor(random() ** 2 * PEOPLE);
      const kind = kinds[Math.floor(random() * kinds.length)];
      const pair = kind === 'ally' || kind === 'conflict' ? [Math.min(from, to), Math.max(from, to)].join('-') : `${from}-${to}`;
      if (from === to || seen.has(`${pair}-${kind}`)) continue;
      seen.add(`${pair}-${kind}`);
      links.push({ from: ids[from], to: ids[to], kind, strength: 1 + Math.floor(random() * 3) });
    }
    await db.query(
      `INSERT INTO influences (from_id, to_id, kind, strength) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[])`,
      [links.map((l) => l.from), links.map((l) => l.to), links.map((l) => l.kind), links.map((l) => l.strength)],
    );
    await db.query('ANALYZE');
    return { people: ids.length, links: links.length, reportingLines: reports.length };
  } finally {
    await db.end();
  }
}

/** The bare page: the same data, the same layout code, sigma with its defaults; nothing of the app around it. */
async function buildBaseline(outDir) {
  const { build } = await import('vite');
  // Inside the checkout, so its imports resolve from the installed packages.
  const cache = path.join(repoRoot, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const root = fs.mkdtempSync(path.join(cache, 'soundings-bench-baseline-src-'));
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>baseline</title></head>
     <body style="margin:0"><div id="graph" style="width:1000px;height:560px"></div><script type="module" src="./main.ts"></script></body></html>`,
  );
  fs.writeFileSync(
    path.join(root, 'main.ts'),
    `import Sigma from 'sigma';
     import { buildGraph } from '@/features/coalition/components/network-graph';
     import { applyPositions, forceAtlasPositions, graphOf } from '@/features/coalition/components/network-layout';
     const network = await (await fetch('./network.json')).json();
     performance.mark('network:data');
     const graph = graphOf(buildGraph(network));
     const sigma = new Sigma(graph, document.getElementById('graph')!);
     performance.mark('network:first-frame');
     performance.measure('${FIRST_RENDER}', { start: 0, end: 'network:first-frame' });
     performance.measure('${FROM_DATA}', 'network:data', 'network:first-frame');
     applyPositions(graph, forceAtlasPositions(graph));
     sigma.refresh();
     performance.mark('network:laid-out');`,
  );
  await build({
    root,
    configFile: false,
    logLevel: 'error',
    resolve: {
      alias: { '@soundings/shared': path.join(repoRoot, 'shared', 'src', 'index.ts'), '@': path.join(webRoot, 'src') },
    },
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  fs.rmSync(root, { recursive: true, force: true });
}

function serveStatic(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
  const server = http.createServer((request, response) => {
    const file = path.join(dir, new URL(request.url, 'http://x').pathname.replace(/^\/$/, '/index.html'));
    if (!file.startsWith(dir) || !fs.existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })));
}

async function measure(browser, url, signIn) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-GB' });
  try {
    if (signIn) {
      const login = await context.request.post(`${signIn}/api/auth/login`, { data: ADMIN });
      assert.ok(login.ok(), `sign-in answered ${login.status()}`);
    }
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('network:laid-out').length > 0, undefined, { timeout: 30_000 }).catch(async () => {
      const text = (await page.locator('body').innerText().catch(() => '')).slice(0, 300);
      throw new Error(`no first frame at ${url}: ${errors.join('; ') || 'no page error'}; the page says: ${text}`);
    });
    return await page.evaluate(
      ([first, fromData]) => ({
        fromNavigation: performance.getEntriesByName(first)[0].duration,
        fromData: performance.getEntriesByName(fromData)[0]?.duration ?? NaN,
        dataAt: performance.getEntriesByName('network:data')[0]?.startTime ?? NaN,
        layout: (performance.getEntriesByName('network:laid-out').at(-1)?.startTime ?? NaN) - (performance.getEntriesByName('network:data')[0]?.startTime ?? NaN),
      }),
      [FIRST_RENDER, FROM_DATA],
    );
  } finally {
    await context.close();
  }
}

function summary(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return `median ${median.toFixed(0).padStart(5)} ms   range ${sorted[0].toFixed(0)}–${sorted.at(-1).toFixed(0)} ms`;
}

async function main() {
  for (const file of [serverEntry, path.join(webRoot, 'dist', 'index.html')]) {
    assert.ok(fs.existsSync(file), `${file} is missing: run \`npm run build\` first.`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-bench-network-'));
  const baselineDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-bench-baseline-'));
  const { startEmbeddedPostgres } = require(embeddedEntry);
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'bench_network' });
  let server;
  let browser;
  let staticServer;
  try {
    server = spawn(process.execPath, [serverEntry], {
      cwd: repoRoot,
      env: {
        ...process.env,
        DATABASE_URL: embedded.url,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        AUDIT_HMAC_KEY: randomBytes(32).toString('hex'),
        DATA_DIR: dataDir,
        SOUNDINGS_ADMIN_EMAIL: ADMIN.email,
        SOUNDINGS_ADMIN_PASSWORD: ADMIN.password,
        RATE_LIMIT_PER_MINUTE: '1000000',
        RATE_LIMIT_LOGINS_PER_MINUTE: '1000',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await listeningAt(server);
    await waitForHealth(base, server);
    const loaded = await load(embedded.url);
    console.log(`Loaded ${loaded.people} people, ${loaded.links} influence links and ${loaded.reportingLines} reporting lines.`);

    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const network = await (await fetch(`${base}/api/coalition/network`, { headers: { cookie } })).json();
    assert.equal(network.nodes.length, loaded.people);

    await buildBaseline(baselineDir);
    fs.writeFileSync(path.join(baselineDir, 'network.json'), JSON.stringify(network));
    staticServer = await serveStatic(baselineDir);

    const choice = chooseBrowser(process.env);
    const launchOptions = await launchOptionsFor(choice);
    browser = await chromium.launch(launchOptions);
    console.log(`Browser: ${launchOptions.executablePath} (${choice.source}); viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${RUNS} runs each, interleaved, fresh context each time.\n`);

    const app = [];
    const bare = [];
    // One warm-up of each, not counted: the first launch of the GPU process and the OS file cache.
    await measure(browser, `${base}/coalition/network`, base);
    await measure(browser, `${staticServer.base}/index.html`);
    for (let run = 0; run < RUNS; run++) {
      app.push(await measure(browser, `${base}/coalition/network`, base));
      bare.push(await measure(browser, `${staticServer.base}/index.html`));
    }
    console.log('first frame of the network'.padEnd(44), 'from navigation start'.padEnd(44), 'from data arrival');
    for (const [label, rows] of [
      ['Soundings /coalition/network', app],
      ['bare page (same data, layout and sigma)', bare],
    ]) {
      console.log(label.padEnd(44), summary(rows.map((r) => r.fromNavigation)).padEnd(44), summary(rows.map((r) => r.fromData)));
    }
    console.log(`\nData arrived (navigation start → network JSON parsed): app ${summary(app.map((r) => r.dataAt))}, bare ${summary(bare.map((r) => r.dataAt))}`);
    console.log(`Data arrival → settled layout (ForceAtlas2; in a worker in the app):  app ${summary(app.map((r) => r.layout))}, bare ${summary(bare.map((r) => r.layout))}`);
  } finally {
    await browser?.close().catch(() => {});
    staticServer?.server.close();
    server?.kill('SIGTERM');
    if (server) await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
    await embedded.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(baselineDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
