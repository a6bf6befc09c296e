// Mantine ships one stylesheet per component. The app imports only the sheets of components it renders
// (src/app/mantine-styles.ts), which keeps ~200 kB of unused CSS off the first paint. The risk is a component
// rendered unstyled because its sheet, or the sheet of a component it is built from, was never imported; the
// build guard below turns that into a failed build instead of a broken page.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Mantine's compiled class names: `m_` and eight hex digits, the same in its JS and its CSS.
const MANTINE_CLASS = /\bm_[0-9a-f]{8}\b/g;

export function mantineClasses(text) {
  return new Set(text.match(MANTINE_CLASS) ?? []);
}

/** Classes that the scripts can put on an element but that no stylesheet defines. */
export function missingMantineClasses(scripts, stylesheets) {
  const defined = new Set();
  for (const sheet of stylesheets) for (const name of mantineClasses(sheet)) defined.add(name);
  const missing = new Set();
  for (const script of scripts) for (const name of mantineClasses(script)) if (!defined.has(name)) missing.add(name);
  return [...missing].sort();
}

/**
 * The @mantine/core sheets that define any of `used`, in the order @mantine/core/styles.css concatenates them
 * (later sheets override earlier ones, so the order matters), after the three every page needs.
 */
export function sheetsFor(used, stylesDir) {
  const all = fs.readFileSync(path.join(stylesDir, '..', 'styles.css'), 'utf8');
  const rows = [];
  for (const file of fs.readdirSync(stylesDir)) {
    if (!file.endsWith('.css') || file.endsWith('.layer.css') || !/^[A-Z]/.test(file)) continue;
    const defined = [...mantineClasses(fs.readFileSync(path.join(stylesDir, file), 'utf8'))];
    if (!defined.some((name) => used.has(name))) continue;
    rows.push({ file, at: Math.min(...defined.map((name) => all.indexOf(`.${name}`)).filter((at) => at >= 0)) });
  }
  rows.sort((a, b) => a.at - b.at);
  return ['baseline.css', 'default-css-variables.css', 'global.css', ...rows.map((row) => row.file)];
}

/** Vite plugin: fails the build when a Mantine class in the bundle's JavaScript has no CSS in the bundle. */
export function mantineCssGuard() {
  return {
    name: 'soundings:mantine-css-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const scripts = [];
      const stylesheets = [];
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') scripts.push(item.code);
        else if (item.fileName.endsWith('.css')) stylesheets.push(String(item.source));
      }
      const missing = missingMantineClasses(scripts, stylesheets);
      if (missing.length > 0) {
        this.error(
          `${missing.length} Mantine classes have no stylesheet (${missing.slice(0, 5).join(', ')}…): ` +
            'run `node scripts/mantine-css.mjs` after `vite build` and import the sheets it lists in src/app/mantine-styles.ts',
        );
      }
    },
  };
}

// `node scripts/mantine-css.mjs`: after a build, prints the imports src/app/mantine-styles.ts should hold.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const web = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const assets = path.join(web, 'dist', 'assets');
  const used = new Set();
  for (const file of fs.readdirSync(assets).filter((name) => name.endsWith('.js'))) {
    for (const name of mantineClasses(fs.readFileSync(path.join(assets, file), 'utf8'))) used.add(name);
  }
  const stylesDir = path.join(path.dirname(fileURLToPath(import.meta.resolve('@mantine/core/styles.css'))), 'styles');
  for (const sheet of sheetsFor(used, stylesDir)) console.log(`import '@mantine/core/styles/${sheet}';`);
}
