import path from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  /** Set when an external PostgreSQL is used; otherwise an embedded one is started. */
  databaseUrl: string | undefined;
  dataDir: string;
  webDistDir: string;
  /** Origins allowed to call the API cross-site; empty means same-origin only. */
  corsOrigins: string[];
  logLevel: string;
}

import fs from 'node:fs';

/** The workspace root, found from here so it is right both from src/ (tests) and dist/ (built). */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && 'workspaces' in JSON.parse(fs.readFileSync(manifest, 'utf8'))) return dir;
  }
  return process.cwd();
}

const repoRoot = findRepoRoot(__dirname);

export function readAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  return {
    port,
    // Plain HTTP carrying confidential notes: this machine only, unless HOST says otherwise.
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'web', 'dist')),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
