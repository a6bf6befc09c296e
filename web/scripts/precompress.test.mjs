import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';
import { precompressDir, staticClosure } from './precompress.mjs';

test('writes a brotli and a gzip copy of each text asset that decode to the original, and none for fonts or tiny files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soundings-precompress-'));
  try {
    fs.mkdirSync(path.join(dir, 'assets'));
    const script = 'export const levels = ["not_sounded", "sounded", "open", "supportive"];\n'.repeat(100);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), script);
    fs.writeFileSync(path.join(dir, 'assets', 'inter-latin.woff2'), Buffer.alloc(4096, 7));
    fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');

    const written = precompressDir(dir);

    assert.deepEqual(
      written.map((row) => row.file),
      [path.join('assets', 'index-abc.js')],
    );
    const br = fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.br'));
    const gz = fs.readFileSync(path.join(dir, 'assets', 'index-abc.js.gz'));
    assert.equal(zlib.brotliDecompressSync(br).toString(), script);
    assert.equal(zlib.gunzipSync(gz).toString(), script);
    assert.ok(br.length < script.length / 10, `brotli kept ${br.length} of ${script.length} bytes`);
    assert.ok(!fs.existsSync(path.join(dir, 'assets', 'inter-latin.woff2.br')));
    assert.ok(!fs.existsSync(path.join(dir, 'favicon.svg.br')));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('counts the entry and what it imports statically as initial, not what it imports lazily', () => {
  const chunk = (fileName, imports, dynamicImports = []) => ({ type: 'chunk', fileName, imports, dynamicImports, code: '' });
  const bundle = {
    'index.js': chunk('index.js', ['react.js', 'mantine.js'], ['dashboard.js']),
    'react.js': chunk('react.js', []),
    'mantine.js': chunk('mantine.js', ['react.js']),
    'dashboard.js': chunk('dashboard.js', ['mantine.js'], ['charts.js']),
    'charts.js': chunk('charts.js', ['recharts.js']),
    'recharts.js': chunk('recharts.js', []),
  };
  assert.deepEqual(staticClosure(bundle, 'index.js').sort(), ['index.js', 'mantine.js', 'react.js']);
  assert.deepEqual(staticClosure(bundle, 'dashboard.js').sort(), ['dashboard.js', 'mantine.js', 'react.js']);
});
