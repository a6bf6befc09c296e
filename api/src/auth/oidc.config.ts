export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The callback URL registered at the provider; null: derived from the origin the sign-in started at. */
  redirectUrl: string | null;
  /** Plain HTTP is accepted only for an issuer on this machine (development and tests). */
  allowInsecureRequests: boolean;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/** Single sign-on is on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set; off when none is. */
export function readOidcConfig(env: NodeJS.ProcessEnv = process.env): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return null;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them to turn it off)');
  }
  const issuerUrl = parseUrl(issuer, 'OIDC_ISSUER');
  const loopback = LOOPBACK.test(issuerUrl.hostname);
  if (issuerUrl.protocol !== 'https:' && !(issuerUrl.protocol === 'http:' && loopback)) {
    throw new Error(`OIDC_ISSUER must be an https:// URL (plain http only for localhost), got "${issuer}"`);
  }
  const redirectUrl = env.OIDC_REDIRECT_URL?.trim() || null;
  if (redirectUrl && !['https:', 'http:'].includes(parseUrl(redirectUrl, 'OIDC_REDIRECT_URL').protocol)) {
    throw new Error(`OIDC_REDIRECT_URL must be an http(s) URL, got "${redirectUrl}"`);
  }
  return { issuer: issuerUrl, clientId, clientSecret, redirectUrl, allowInsecureRequests: issuerUrl.protocol === 'http:' };
}

function parseUrl(value: string, name: string): URL {
  try {
    return new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute URL, got "${value}"`);
  }
}

export const OIDC_CONFIG = Symbol('OIDC_CONFIG');
