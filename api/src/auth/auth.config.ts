export interface AuthConfig {
  sessionIdleSeconds: number;
  sessionAbsoluteSeconds: number;
  loginWindowSeconds: number;
  /** Failures allowed per account within the window; the next attempt gets 429. */
  loginFailuresPerAccount: number;
  /** Failures allowed per client address (higher: an office shares one address). */
  loginFailuresPerAddress: number;
}

function positiveNumber(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${name} must be a positive number, got "${value}"`);
  return parsed;
}

export function readAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  return {
    sessionIdleSeconds: positiveNumber(env.SESSION_IDLE_MINUTES, 60, 'SESSION_IDLE_MINUTES') * 60,
    sessionAbsoluteSeconds: positiveNumber(env.SESSION_ABSOLUTE_HOURS, 12, 'SESSION_ABSOLUTE_HOURS') * 3600,
    loginWindowSeconds: 15 * 60,
    loginFailuresPerAccount: positiveNumber(env.LOGIN_FAILURES_PER_ACCOUNT, 5, 'LOGIN_FAILURES_PER_ACCOUNT'),
    loginFailuresPerAddress: positiveNumber(env.LOGIN_FAILURES_PER_ADDRESS, 20, 'LOGIN_FAILURES_PER_ADDRESS'),
  };
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
