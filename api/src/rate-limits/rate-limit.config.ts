import { SetMetadata } from '@nestjs/common';

/**
 * `requests` applies to every request, per signed-in user (or per address when anonymous);
 * `login` and `export` are stricter limits on top of it for the routes that carry them.
 */
export type RateLimitPolicy = 'requests' | 'login' | 'export';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  /** Counted per client address even for a signed-in caller (sign-in attempts have no user yet). */
  perAddress: boolean;
}

export type RateLimitConfig = Record<RateLimitPolicy, RateLimitRule>;

function positiveInteger(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return parsed;
}

export function readRateLimitConfig(env: NodeJS.ProcessEnv = process.env): RateLimitConfig {
  return {
    // Generous: a person in the web app makes a few requests a second at most; this stops a runaway
    // script or a stolen token's bulk download, not normal use (the busiest test file sends ~1,050).
    requests: { limit: positiveInteger(env.RATE_LIMIT_PER_MINUTE, 2000, 'RATE_LIMIT_PER_MINUTE'), windowSeconds: 60, perAddress: false },
    // On top of the failed-sign-in throttle per account: bounds guessing across many accounts from one address.
    login: { limit: positiveInteger(env.RATE_LIMIT_LOGINS_PER_MINUTE, 60, 'RATE_LIMIT_LOGINS_PER_MINUTE'), windowSeconds: 60, perAddress: true },
    // An export gathers everything about a person: a few an hour is what a subject-access request needs.
    export: { limit: positiveInteger(env.RATE_LIMIT_EXPORTS_PER_HOUR, 30, 'RATE_LIMIT_EXPORTS_PER_HOUR'), windowSeconds: 3600, perAddress: false },
  };
}

export const RATE_LIMIT_CONFIG = Symbol('RATE_LIMIT_CONFIG');

/**
 * How often an instance reconciles its request counts with the others' (milliseconds). The limit can
 * be overshot by about what every instance lets through in one interval.
 */
export function readRateLimitSyncMs(env: NodeJS.ProcessEnv = process.env): number {
  return positiveInteger(env.RATE_LIMIT_SYNC_MS, 1000, 'RATE_LIMIT_SYNC_MS');
}

export const RATE_LIMIT_SYNC_MS = Symbol('RATE_LIMIT_SYNC_MS');

export const RATE_LIMIT_POLICY = 'soundings:rate-limit';
/** A stricter limit for this route on top of the per-request one; `none` exempts it (health checks). */
export const RateLimit = (policy: Exclude<RateLimitPolicy, 'requests'> | 'none') => SetMetadata(RATE_LIMIT_POLICY, policy);
