import { Inject, Injectable, Logger } from '@nestjs/common';
import type { SignInMethods, SingleSignOnRefusal } from '@soundings/shared';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../errors/api-exceptions';
import { UsersRepository } from '../users/users.repository';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { AuthService } from './auth.service';
import type { ClientInfo, StartedSession } from './auth.service';
import { OidcClient } from './oidc.client';
import { OIDC_CONFIG } from './oidc.config';
import type { OidcConfig } from './oidc.config';
import { OIDC_LOGIN_SECONDS, OidcLoginSealer } from './oidc-login-cookie';
import { RateLimitRepository } from './rate-limit.repository';
import { sameSecret } from './tokens';

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';

export type OidcLoginOutcome = { result: 'signed_in'; started: StartedSession } | { result: SingleSignOnRefusal };

/** Why a single sign-on was refused: kept in the audit trail, never shown to the browser. */
type RefusalReason =
  | 'throttled'
  | 'no_pending_login'
  | 'state_mismatch'
  | 'provider_refused'
  | 'invalid_response'
  | 'no_email'
  | 'email_not_verified'
  | 'no_account'
  | 'deactivated';

@Injectable()
export class OidcService {
  private readonly logger = new Logger('SingleSignOn');
  private readonly sealer: OidcLoginSealer | null;

  constructor(
    @Inject(OIDC_CONFIG) private readonly config: OidcConfig | null,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
    private readonly oidc: OidcClient,
    private readonly auth: AuthService,
    private readonly users: UsersRepository,
    private readonly rateLimits: RateLimitRepository,
    private readonly audit: AuditService,
  ) {
    this.sealer = config ? new OidcLoginSealer(config.clientSecret) : null;
  }

  methods(): SignInMethods {
    return { sso: this.config !== null };
  }

  /** Where to send the browser and the sealed pending sign-in to keep in its cookie. */
  async startLogin(origin: string): Promise<{ location: string; sealedLogin: string | null }> {
    if (!this.config || !this.sealer) throw notFound('Single sign-on');
    const redirectUri = this.config.redirectUrl ?? `${origin}${OIDC_CALLBACK_PATH}`;
    try {
      const { authorizationUrl, pending } = await this.oidc.startLogin(redirectUri, Math.floor(Date.now() / 1000) + OIDC_LOGIN_SECONDS);
      return { location: authorizationUrl, sealedLogin: this.sealer.seal(pending) };
    } catch (error) {
      this.logger.warn(`Single sign-on could not start (provider discovery failed): ${describe(error)}`);
      return { location: refusalLocation('failed'), sealedLogin: null };
    }
  }

  /**
   * Signs in the existing, active account whose email the provider vouches for. Nobody gets an account
   * by signing in: an admin creates it and chooses its role first.
   */
  async finishLogin(sealedLogin: string | undefined, callbackQuery: URLSearchParams, client: ClientInfo): Promise<OidcLoginOutcome> {
    if (!this.config || !this.sealer) throw notFound('Single sign-on');
    const addressBucket = `login:address:${client.clientAddress}`;
    const usage = await this.rateLimits.usage([addressBucket], this.authConfig.loginWindowSeconds);
    // Failed sign-ins from one address count together whatever the method; past the limit, refuse
    // without writing more to the audit trail.
    if ((usage.get(addressBucket)?.hits ?? 0) >= this.authConfig.loginFailuresPerAddress) return { result: 'failed' };
    const refuse = async (result: SingleSignOnRefusal, reason: RefusalReason, userId: string | null = null): Promise<OidcLoginOutcome> => {
      await this.rateLimits.hit([addressBucket]);
      await this.audit.record(null, { action: 'auth.login_failed', entityType: 'user', entityId: userId, after: { method: 'sso', reason } }, undefined, client);
      return { result };
    };

    const pending = this.sealer.open(sealedLogin);
    if (!pending) return refuse('failed', 'no_pending_login');
    if (!sameSecret(callbackQuery.get('state') ?? '', pending.state)) return refuse('failed', 'state_mismatch');
    let identity;
    try {
      identity = await this.oidc.finishLogin(pending, callbackQuery);
    } catch (error) {
      this.logger.warn(`Single sign-on refused: ${describe(error)}`);
      return refuse('failed', callbackQuery.has('error') ? 'provider_refused' : 'invalid_response');
    }

    if (!identity.email) return refuse('denied', 'no_email');
    const user = await this.users.findByEmail(identity.email.trim());
    if (identity.emailVerified === false) return refuse('denied', 'email_not_verified', user?.id ?? null);
    if (!user) return refuse('denied', 'no_account');
    if (!user.active) return refuse('denied', 'deactivated', user.id);
    return { result: 'signed_in', started: await this.auth.startSession(user.id, client) };
  }
}

/** Where the web app's sign-in page explains a refused single sign-on. */
export function refusalLocation(result: SingleSignOnRefusal): string {
  return `/?sso=${result}`;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return `${error.name}${typeof code === 'string' ? ` ${code}` : ''}: ${error.message}`;
}
