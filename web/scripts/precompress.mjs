// Build step: writes a brotli (.br) and a gzip (.gz) copy beside every text asset in dist/, so the API
// (@fastify/static with `preCompressed`) sends them without compressing on each request, and prints how
// much JavaScript a first visit downloads before any page's own code, failing the build above the budget.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Files worth compressing: text. Fonts (woff2) and images are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|webmanifest)$/;
/** Below this the headers cost more than the bytes saved. */
const MIN_BYTES = 1024;
/** Gzipped JavaScript a first visit fetches before the page's own chunk: the entry and what it imports. */
export const INITIAL_JS_BUDGET_BYTES = 200 * 1024;

export function brotli(content) {
  return zlib.brotliCompressSync(content, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    },
  });
}

export function gzip(content) {
  return zlib.gzipSync(content, { level: zlib.constants.Z_BEST_COMPRESSION });
}

function* filesUnder(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else yield full;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` for every compressible file of at least MIN_BYTES under `dir`, keeping a
 * copy only when it is smaller than the original. Returns what it wrote, per file, in bytes.
 */
export function precompressDir(dir) {
  const written = [];
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const content = fs.readFileSync(file);
    if (content.length < MIN_BYTES) continue;
    const row = { file: path.relative(dir, file), raw: content.length, br: null, gz: null };
    for (const [extension, compress] of [
      ['br', brotli],
      ['gz', gzip],
    ]) {
      const compressed = compress(content);
      if (compressed.length >= content.length) continue;
      fs.writeFileSync(`${file}.${extension}`, compressed);
      row[extension] = compressed.length;
    }
    written.push(row);
  }
  return written;
}

/**
 * The chunk file names loaded with `start` (a chunk's file name): it and everything it imports statically,
 * transitively. Dynamic imports (lazy pages, the chart library) are left out: they load later.
 */
export function staticClosure(bundle, start) {
  const seen = new Set();
  const visit = (fileName) => {
    const chunk = bundle[fileName];
    if (!chunk || chunk.type !== 'chunk' || seen.has(fileName)) return;
    seen.add(fileName);
    for (const imported of chunk.imports) visit(imported);
  };
  visit(start);
  return [...seen];
}

/** The entry chunk (what index.html loads), and the chunk for a source file such as a route module. */
export function entryChunk(bundle) {
  return Object.values(bundle).find((item) => item.type === 'chunk' && item.isEntry)?.fileName;
}

export function chunkFor(bundle, sourceSuffix) {
  return Object.values(bundle).find((item) => item.type === 'chunk' && item.facadeModuleId?.endsWith(sourceSuffix))?.fileName;
}

const gzipBytes = (content) => gzip(Buffer.from(content)).length;
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/** Gzipped bytes of the given chunks and of the CSS they bring. */
export function weigh(bundle, fileNames) {
  let js = 0;
  let raw = 0;
  const css = new Set();
  for (const fileName of fileNames) {
    const chunk = bundle[fileName];
    js += gzipBytes(chunk.code);
    raw += Buffer.byteLength(chunk.code);
    for (const sheet of chunk.viteMetadata?.importedCss ?? []) css.add(sheet);
  }
  let cssBytes = 0;
  for (const sheet of css) cssBytes += gzipBytes(bundle[sheet].source);
  return { js, raw, css: cssBytes, chunks: fileNames.length };
}

/**
 * Vite plugin: after the bundle is written, prints the initial JavaScript (entry and its static imports) and
 * that of each named first screen, fails above the budget, then precompresses dist/.
 * `screens` maps a label to a route module, e.g. { '/dashboard': 'src/app/routes/dashboard.tsx' }.
 */
export function precompress({ screens = {}, budgetBytes = INITIAL_JS_BUDGET_BYTES } = {}) {
  let outDir;
  return {
    name: 'soundings:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const entry = entryChunk(bundle);
      if (!entry) return;
      const initialFiles = staticClosure(bundle, entry);
      const initial = weigh(bundle, initialFiles);
      const lines = [`initial JavaScript: ${kB(initial.js)} gzipped (${kB(initial.raw)} raw, ${initial.chunks} chunks), CSS ${kB(initial.css)} gzipped; budget ${kB(budgetBytes)}`];
      for (const [label, source] of Object.entries(screens)) {
        const route = chunkFor(bundle, source);
        if (!route) continue;
        const screen = weigh(bundle, [...new Set([...initialFiles, ...staticClosure(bundle, route)])]);
        lines.push(`  first screen of ${label}: ${kB(screen.js)} gzipped JavaScript, CSS ${kB(screen.css)} gzipped`);
      }
      console.log(lines.join('\n'));
      if (initial.js > budgetBytes) {
        this.error(`initial JavaScript is ${kB(initial.js)} gzipped, over the ${kB(budgetBytes)} budget`);
      }
    },
    closeBundle() {
      const written = precompressDir(outDir);
      const raw = written.reduce((sum, row) => sum + row.raw, 0);
      const br = written.reduce((sum, row) => sum + (row.br ?? row.raw), 0);
      console.log(`precompressed ${written.length} files: ${kB(raw)} raw → ${kB(br)} brotli`);
    },
  };
}
