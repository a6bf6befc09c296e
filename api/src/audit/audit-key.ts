import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where a key is kept when AUDIT_HMAC_KEY is not set: in the data folder, beside (not inside) PostgreSQL's. */
export const AUDIT_KEY_FILE = 'audit-hmac.key';
const MIN_KEY_LENGTH = 32;

function keyFromText(text: string, source: string): Buffer {
  if (text.length < MIN_KEY_LENGTH) {
    throw new Error(`${source} must be at least ${MIN_KEY_LENGTH} characters (e.g. the output of \`openssl rand -hex 32\`)`);
  }
  return Buffer.from(text, 'utf8');
}

/** The key in AUDIT_HMAC_KEY, or undefined when it is not set. */
export function auditKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const text = env.AUDIT_HMAC_KEY?.trim();
  return text ? keyFromText(text, 'AUDIT_HMAC_KEY') : undefined;
}

export function requireAuditKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): Buffer {
  const key = auditKeyFromEnvironment(env);
  if (!key) throw new Error('AUDIT_HMAC_KEY is not set: the audit trail needs the key it is chained with');
  return key;
}

/**
 * AUDIT_HMAC_KEY when set; otherwise the key file in `dataDir`, made once (32 random bytes, mode 0600)
 * and read from then on. The database never holds the key, so whoever can rewrite its tables still
 * cannot forge the chain.
 */
export function resolveAuditKey(options: { dataDir: string; env?: NodeJS.ProcessEnv; log?: (line: string) => void }): { key: Buffer; file: string | null } {
  const key = auditKeyFromEnvironment(options.env ?? process.env);
  if (key) return { key, file: null };
  const file = path.join(options.dataDir, AUDIT_KEY_FILE);
  fs.mkdirSync(options.dataDir, { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    options.log?.(`Created the audit trail's key in ${file}: back it up with the data; without it the trail cannot be verified`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return { key: keyFromText(fs.readFileSync(file, 'utf8').trim(), file), file };
}
