import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const OIDC_LOGIN_COOKIE = 'soundings_sso';
const COOKIE_PATH = '/api/auth/oidc';
export const OIDC_LOGIN_SECONDS = 10 * 60;

/** What the callback must check, kept by the browser that started the sign-in (not in server memory). */
export interface PendingOidcLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The redirect_uri sent to the provider; the code exchange must repeat it exactly. */
  redirectUri: string;
  /** Epoch seconds. */
  expiresAt: number;
}

/**
 * The pending sign-in travels in an HttpOnly cookie sealed with AES-256-GCM: the browser can neither
 * read the PKCE verifier nor change the state or nonce. The key comes from the client secret, so every
 * API instance with the same configuration opens what another sealed, with no extra secret to manage.
 */
export class OidcLoginSealer {
  private readonly key: Buffer;

  constructor(clientSecret: string) {
    this.key = Buffer.from(hkdfSync('sha256', clientSecret, 'soundings', 'oidc login cookie v1', 32));
  }

  seal(login: PendingOidcLogin): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(OIDC_LOGIN_COOKIE));
    const sealed = Buffer.concat([cipher.update(JSON.stringify(login), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
  }

  /** The pending sign-in, or null when the value was not sealed here, was changed, or has expired. */
  open(value: string | undefined, now = Date.now()): PendingOidcLogin | null {
    if (!value) return null;
    const raw = Buffer.from(value, 'base64url');
    if (raw.length < 12 + 16 + 2) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(OIDC_LOGIN_COOKIE));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const login = JSON.parse(Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')) as PendingOidcLogin;
      return login.expiresAt * 1000 > now ? login : null;
    } catch {
      return null;
    }
  }
}

function attributes(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  // Lax: the provider sends the browser back with a top-level GET, which carries Lax cookies.
  const parts = [`${OIDC_LOGIN_COOKIE}=${value}`, `Path=${COOKIE_PATH}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (request.protocol === 'https') parts.push('Secure');
  return parts.join('; ');
}

export function setOidcLoginCookie(request: FastifyRequest, reply: FastifyReply, value: string): void {
  void reply.header('set-cookie', attributes(request, value, OIDC_LOGIN_SECONDS));
}

export function clearOidcLoginCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('set-cookie', attributes(request, '', 0));
}
