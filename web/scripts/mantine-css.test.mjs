import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mantineClasses, missingMantineClasses, sheetsFor } from './mantine-css.mjs';

const stylesDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@mantine/core/styles.css'))), 'styles');
const sheet = (name) => fs.readFileSync(path.join(stylesDir, name), 'utf8');

test('reports a Mantine class the scripts use that no stylesheet defines, and nothing once its sheet is there', () => {
  const button = [...mantineClasses(sheet('Button.css'))];
  const script = `const classes = { root: "${button[0]}", inner: "m_00000000" };`;

  assert.deepEqual(missingMantineClasses([script], [sheet('UnstyledButton.css')]), [button[0], 'm_00000000'].sort());
  assert.deepEqual(missingMantineClasses([script], [sheet('Button.css'), '.m_00000000{}']), []);
});

test('lists the sheets a set of classes needs after the base sheets, in the order Mantine itself loads them', () => {
  const used = new Set([...mantineClasses(sheet('Button.css')), ...mantineClasses(sheet('UnstyledButton.css'))]);

  assert.deepEqual(sheetsFor(used, stylesDir), [
    'baseline.css',
    'default-css-variables.css',
    'global.css',
    'UnstyledButton.css',
    'Button.css',
  ]);
});

test('the app lists its sheets in the order Mantine loads them, each once', () => {
  const imported = fs
    .readFileSync(new URL('../src/app/mantine-styles.ts', import.meta.url), 'utf8')
    .match(/styles\/[A-Za-z-]+\.css/g)
    .map((entry) => entry.slice('styles/'.length));
  const used = new Set();
  for (const file of imported) for (const name of mantineClasses(sheet(file))) used.add(name);

  // The list is exactly what sheetsFor derives from those sheets' classes: in Mantine's order, no duplicates.
  assert.deepEqual(imported, sheetsFor(used, stylesDir));
});
