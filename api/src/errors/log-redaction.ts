import type { FastifyRequest } from 'fastify';

const REDACTED = '[redacted]';
// Shorter values are too common to be secrets and would blank out ordinary words of the log line.
const MIN_SECRET_LENGTH = 4;
const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'x-csrf-token'];

function collectStrings(value: unknown, into: Set<string>, depth = 0): void {
  if (depth > 20) return;
  if (typeof value === 'string') {
    if (value.length >= MIN_SECRET_LENGTH) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into, depth + 1);
  }
}

/**
 * Every value a request carried that must not reach a log: credentials in its headers (whole, and
 * the token after "Bearer" or each cookie's value) and every string in its body and
 * query (passwords, notes' words, names searched for).
 */
export function requestSecrets(request: Pick<FastifyRequest, 'headers' | 'body' | 'query'>): string[] {
  const secrets = new Set<string>();
  for (const name of CREDENTIAL_HEADERS) {
    for (const value of ([] as string[]).concat(request.headers[name] ?? [])) {
      collectStrings(value, secrets);
      // The credential after its scheme ("Bearer …").
      collectStrings(value.replace(/^\S+\s+/, ''), secrets);
    }
  }
  for (const header of ([] as string[]).concat(request.headers.cookie ?? [])) {
    collectStrings(header, secrets);
    for (const pair of header.split(';')) {
      const value = pair.slice(pair.indexOf('=') + 1).trim();
      collectStrings(value, secrets);
      collectStrings(decodeURIComponentSafely(value), secrets);
    }
  }
  collectStrings(request.body, secrets);
  collectStrings(request.query, secrets);
  // Longest first, so a value containing another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

function decodeURIComponentSafely(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `text` with every one of `secrets` (and its JSON-escaped form) replaced by a marker. */
export function redactSecrets(text: string, secrets: string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
      if (form.length >= MIN_SECRET_LENGTH) redacted = redacted.split(form).join(REDACTED);
    }
  }
  return redacted;
}

interface DatabaseErrorLike {
  name?: string;
  message?: string;
  stack?: string;
  code?: string;
  driverError?: { code?: string; table?: string; column?: string; constraint?: string; routine?: string };
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
}

/**
 * What a 500 may log about its cause: the error's name and message and where it was thrown, never
 * a value from the request. A database error's message is dropped for data exceptions (class 22:
 * "invalid input syntax for type date: …" quotes the value) and raised exceptions (P0), which may
 * quote anything; its code, table, column and constraint say enough.
 */
export function describeErrorForLog(exception: unknown, secrets: string[]): string {
  if (!(exception instanceof Error) && (typeof exception !== 'object' || exception === null)) return redactSecrets(String(exception), secrets);
  const error = exception as DatabaseErrorLike;
  const database = error.driverError ?? (typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) ? error : undefined);
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
  let headline = `${error.name ?? 'Error'}: ${error.message ?? ''}`;
  if (database?.code) {
    const where = [
      database.table && `table ${database.table}`,
      database.column && `column ${database.column}`,
      database.constraint && `constraint ${database.constraint}`,
      database.routine && `in ${database.routine}`,
    ].filter(Boolean);
    const quotesValues = /^(22|P0)/.test(database.code);
    headline = `${error.name ?? 'Error'}: database error ${database.code}${where.length ? ` (${where.join(', ')})` : ''}${quotesValues ? '' : `: ${error.message ?? ''}`}`;
  }
  return redactSecrets(frames ? `${headline}\n${frames}` : headline, secrets);
}
