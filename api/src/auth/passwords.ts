import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_RULES } from '@soundings/shared';
import commonPasswords from './common-passwords.json';

// argon2id with OWASP's minimum (19 MiB, 2 passes): ~45 ms here.
// algorithm 2 is Argon2id (the package's const enum cannot be read under isolatedModules).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The 10,000 most common passwords (SecLists, CC BY-SA 3.0).
const COMMON = new Set((commonPasswords as string[]).map((password) => password.toLowerCase()));

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throw-away hash so an unknown email costs the same time as a wrong password. */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing-only');
  await verifyPassword(await dummyHash, password);
}

/**
 * NIST SP 800-63B rev. 4 for a single-factor password: at least 15 characters, at least 64 allowed
 * (we allow 128), any characters, no composition rules, and not a commonly used password.
 * Returns the problem in words, or null when acceptable.
 */
export function passwordProblem(password: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_RULES.minLength) return `must be at least ${PASSWORD_RULES.minLength} characters`;
  if (length > PASSWORD_RULES.maxLength) return `must be at most ${PASSWORD_RULES.maxLength} characters`;
  if (COMMON.has(password.toLowerCase())) return 'is one of the most commonly used passwords; choose another';
  return null;
}
