import { Inject, Injectable } from '@nestjs/common';
import type { Configuration } from 'openid-client' with { 'resolution-mode': 'import' };
import { OIDC_CONFIG } from './oidc.config';
import type { OidcConfig } from './oidc.config';
import type { PendingOidcLogin } from './oidc-login-cookie';

type OpenIdClient = typeof import('openid-client', { with: { 'resolution-mode': 'import' } });

/** Who the provider says signed in, from a validated ID token (and UserInfo when the token has no email). */
export interface OidcIdentity {
  subject: string;
  email: string | null;
  /** null when the provider does not say. */
  emailVerified: boolean | null;
}

/**
 * The OpenID Provider as Soundings uses it, through openid-client (certified; ES module only, so it is
 * loaded with import() on first use). Discovery runs once per process and is retried after a failure,
 * so the API starts even while the provider is unreachable.
 */
@Injectable()
export class OidcClient {
  private configuration: Promise<{ library: OpenIdClient; configuration: Configuration }> | null = null;

  constructor(@Inject(OIDC_CONFIG) private readonly config: OidcConfig | null) {}

  get enabled(): boolean {
    return this.config !== null;
  }

  private async provider(): Promise<{ library: OpenIdClient; configuration: Configuration }> {
    if (!this.config) throw new Error('Single sign-on is not configured');
    const { issuer, clientId, clientSecret, allowInsecureRequests } = this.config;
    this.configuration ??= (async () => {
      const library = await import('openid-client');
      // Signature checks on the ID token even though it comes straight from the token endpoint: the
      // provider's JWKS, not only TLS, vouches for who signed in.
      const execute = [library.enableNonRepudiationChecks, ...(allowInsecureRequests ? [library.allowInsecureRequests] : [])];
      const configuration = await library.discovery(issuer, clientId, undefined, library.ClientSecretBasic(clientSecret), { execute, timeout: 10 });
      return { library, configuration };
    })();
    try {
      return await this.configuration;
    } catch (error) {
      this.configuration = null;
      throw error;
    }
  }

  /** Where to send the browser, and what its callback must match. */
  async startLogin(redirectUri: string, expiresAt: number): Promise<{ authorizationUrl: string; pending: PendingOidcLogin }> {
    const { library, configuration } = await this.provider();
    const pending = {
      state: library.randomState(),
      nonce: library.randomNonce(),
      codeVerifier: library.randomPKCECodeVerifier(),
      redirectUri,
      expiresAt,
    };
    const authorizationUrl = library.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await library.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { authorizationUrl: authorizationUrl.href, pending };
  }

  /**
   * Checks the authorization response (state, issuer), redeems the code with the PKCE verifier and
   * validates the ID token: signature against the provider's JWKS, issuer, audience, expiry, nonce.
   * Throws when any of these fails or the provider answered with an error.
   */
  async finishLogin(pending: PendingOidcLogin, callbackQuery: URLSearchParams): Promise<OidcIdentity> {
    const { library, configuration } = await this.provider();
    // The URL the provider redirected to, as registered: behind a proxy the request's own URL may differ.
    const currentUrl = new URL(pending.redirectUri);
    currentUrl.search = callbackQuery.toString();
    const tokens = await library.authorizationCodeGrant(configuration, currentUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    let source: Record<string, unknown> = claims;
    // Some providers put the email only in UserInfo; the subject must be the ID token's.
    if (typeof claims.email !== 'string') source = await library.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    return {
      subject: claims.sub,
      email: typeof source.email === 'string' ? source.email : null,
      emailVerified: readBoolean(source.email_verified),
    };
  }
}

// Some providers (Amazon Cognito, for one) send "true"/"false" as strings.
function readBoolean(value: unknown): boolean | null {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return null;
}
