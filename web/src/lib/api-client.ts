import { CSRF_HEADER } from '@soundings/shared';
import type { ApiErrorBody, ErrorCode, FieldError } from '@soundings/shared';

export type ApiErrorCode = ErrorCode | 'network_error' | 'unexpected_response';

/** Every failed API call surfaces as this, so screens can branch on `code` and forms can show `fields`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: FieldError[];
  readonly requestId?: string;
  /** On a version conflict: the record as the server holds it now. */
  readonly current?: unknown;

  constructor(status: number, body: Omit<Partial<ApiErrorBody>, 'code'> & { message: string; code: ApiErrorCode }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? [];
    this.requestId = body.requestId;
    this.current = body.current;
  }

  /** Field messages keyed by dotted path (`fears.1.statement`); the first message per field wins. */
  fieldMessages(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const { field, message } of this.fields) {
      if (!(field in messages)) messages[field] = message;
    }
    return messages;
  }

  get isVersionConflict(): boolean {
    return this.code === 'version_conflict';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Field messages from any error, or none when it is not an API validation error. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  return isApiError(error) ? error.fieldMessages() : {};
}

type QueryValue = string | number | boolean | null | undefined;
/** A list value is sent as a repeated parameter (`?role=hr&role=top_team`). */
export type QueryParams = Record<string, QueryValue | readonly string[]>;

interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** A read with side effects (the export) carries the CSRF token as a write does; the server refuses it otherwise. */
  csrf?: boolean;
}

const API_ROOT = '/api';

// The session's CSRF token lives in memory only (never localStorage): it comes with the sign-in
// answer or /auth/me and goes out on every write.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const unauthenticatedListeners = new Set<() => void>();

/** Called when any request finds the session gone (expired, signed out elsewhere, deactivated). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

// While a screen holding unsaved words is open it signs in again in place (a dialog over it), so a lost
// session must not swap the whole app for the sign-in page and take those words with it.
let signOutHolds = 0;
let sessionLostWhileHeld = false;

function sessionLost(): void {
  if (signOutHolds > 0) {
    sessionLostWhileHeld = true;
    return;
  }
  unauthenticatedListeners.forEach((listener) => listener());
}

/**
 * Keeps the app (and the screen that asks) in place when the session ends, until the returned release is
 * called. Releasing tells the listeners after all if the session was lost meanwhile and not renewed since.
 */
export function holdSignOut(): () => void {
  signOutHolds += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    signOutHolds -= 1;
    if (signOutHolds === 0 && sessionLostWhileHeld) {
      sessionLostWhileHeld = false;
      unauthenticatedListeners.forEach((listener) => listener());
    }
  };
}

/** A new session was opened in place: the loss seen while held is answered. */
export function sessionRenewed(): void {
  sessionLostWhileHeld = false;
}

/** What a failed request means for the person using the app, when the server did not say it in words. */
export function plainErrorMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Sign in again to continue.';
  if (status === 403) return 'Your account is not allowed to do this. Ask an admin if you need to.';
  if (status === 404) return 'This could not be found. It may have been deleted or moved; go back and open it again.';
  if (status === 409) return 'Someone changed this at the same time. Reload the page and try again.';
  if (status === 413) return 'That is too much to send at once. Shorten the text and try again.';
  if (status === 429) return 'Too many requests in a short time. Wait a minute, then try again.';
  if (status === 502 || status === 503 || status === 504) return 'Soundings is not answering right now. Nothing on this page is lost; try again in a moment.';
  if (status >= 500) return 'Something went wrong on the server, so this did not go through. Try again in a moment; if it keeps happening, tell your admin.';
  return 'Soundings could not do this. Reload the page and try again.';
}

/** The server's own words, with what to do next where they only say what went wrong. */
function messageFor(status: number, code: ApiErrorCode, serverMessage: string, requestId: string | undefined): string {
  if (code === 'internal_error' || (status >= 500 && !serverMessage)) {
    const reference = requestId ? ` (reference ${requestId})` : '';
    return `Something went wrong on the server, so this did not go through. Try again in a moment; if it keeps happening, tell your admin${reference}.`;
  }
  return serverMessage || plainErrorMessage(status);
}

// The one place request headers are set.
function requestHeaders(method: string, hasBody: boolean, csrf: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  if ((method !== 'GET' || csrf) && csrfToken) headers.set(CSRF_HEADER, csrfToken);
  return headers;
}

export function buildUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const entry of value) params.append(key, entry);
    else if (value === undefined || value === null || value === '') continue;
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_ROOT}${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'message' in value && 'statusCode' in value;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function send(method: string, path: string, { query, body, signal, csrf = false }: RequestOptions = {}): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers: requestHeaders(method, body !== undefined, csrf),
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, {
      code: 'network_error',
      message: 'Soundings could not reach the server. Nothing on this page is lost: check your connection and try again.',
    });
  }
  if (response.status === 401 && !path.startsWith('/auth/')) sessionLost();
  if (!response.ok) {
    const payload = await readJson(response);
    if (isErrorBody(payload)) {
      const serverMessage = Array.isArray(payload.message) ? payload.message.join('; ') : payload.message;
      const code = payload.code ?? 'unexpected_response';
      throw new ApiError(response.status, { ...payload, message: messageFor(response.status, code, serverMessage, payload.requestId), code });
    }
    // A proxy's page or an empty answer: say what it means, not its status line.
    throw new ApiError(response.status, { code: 'unexpected_response', message: plainErrorMessage(response.status) });
  }
  return response;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return (await readJson(await send(method, path, options))) as T;
}

/** A file the server sends as an attachment, and the name it gives it (Content-Disposition). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

async function download(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<DownloadedFile> {
  const response = await send('GET', path, options);
  const fileName = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

export const apiClient = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: (path: string) => request<void>('DELETE', path),
  /** A file to save (the brief's PDF); `csrf` as for get. */
  download,
};
