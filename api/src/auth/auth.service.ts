import { HttpException, HttpStatus, Inject, Injectable, Logger, OnApplicationBootstrap, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorBody, ApiToken, CreatedApiToken, ERROR_CODES, Session, SetupStatus } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { invalidField, notFound } from '../errors/api-exceptions';
import { CreateFirstAdminDto } from '../users/dto/user.dto';
import { mapUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import type { Actor } from './actor';
import { ApiTokensRepository, ApiTokenRow } from './api-tokens.repository';
import { AUTH_CONFIG } from './auth.config';
import type { AuthConfig } from './auth.config';
import { hashPassword, passwordProblem, spendVerificationTime, verifyPassword } from './passwords';
import { SignInThrottle } from './sign-in-throttle';
import { SessionsRepository } from './sessions.repository';
import { digest, newSecret } from './tokens';

export interface ClientInfo {
  requestId: string;
  clientAddress: string;
  userAgent: string | null;
}

/** What a login or first-admin setup hands back: the cookie to set and the answer's body. */
export interface StartedSession {
  cookieValue: string;
  maxAgeSeconds: number;
  session: Session;
}

function mapToken(row: ApiTokenRow): ApiToken {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString(), lastUsedAt: row.last_used_at?.toISOString() ?? null };
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly tokens: ApiTokensRepository,
    private readonly throttle: SignInThrottle,
    private readonly audit: AuditService,
  ) {}

  /** SOUNDINGS_ADMIN_EMAIL/PASSWORD create the first admin at start, for scripted setups. */
  async onApplicationBootstrap(): Promise<void> {
    const email = process.env.SOUNDINGS_ADMIN_EMAIL;
    const password = process.env.SOUNDINGS_ADMIN_PASSWORD;
    if (!email || !password) return;
    const problem = passwordProblem(password);
    if (problem) throw new Error(`SOUNDINGS_ADMIN_PASSWORD ${problem}`);
    const created = await this.createFirstAdmin({ email: email.trim().toLowerCase(), password }, null);
    if (created) this.logger.log(`Created the first admin ${email} from the environment`);
  }

  async setupStatus(): Promise<SetupStatus> {
    return { needsFirstAdmin: !(await this.users.everHadAnAccount()) };
  }

  /** Creates the one first admin; null when an account exists or ever existed (the page is one-time). */
  private async createFirstAdmin(input: CreateFirstAdminDto, client: ClientInfo | null): Promise<string | null> {
    const problem = passwordProblem(input.password);
    if (problem) throw invalidField('password', problem);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      const id = await this.users.insertFirstAdmin(manager, { email: input.email, displayName: input.displayName, passwordHash });
      if (id) {
        await this.audit.record(
          null,
          { action: 'user.create_first_admin', entityType: 'user', entityId: id, after: { role: 'admin' } },
          manager,
          client ? { requestId: client.requestId, clientAddress: client.clientAddress } : undefined,
        );
      }
      return id;
    });
  }

  async setUpFirstAdmin(input: CreateFirstAdminDto, client: ClientInfo): Promise<StartedSession> {
    const id = await this.createFirstAdmin(input, client);
    if (!id) {
      throw new HttpException(
        { statusCode: 409, error: 'Conflict', code: ERROR_CODES.conflict, message: 'Soundings is already set up. Sign in instead, or ask an admin for an account.' } satisfies ApiErrorBody,
        HttpStatus.CONFLICT,
      );
    }
    return this.startSession(id, client);
  }

  /**
   * Same answer and about the same time for an unknown email, a wrong password or a deactivated
   * account, so the login cannot be used to find out who has one.
   */
  async login(email: string, password: string, client: ClientInfo): Promise<StartedSession> {
    const attempt = await this.throttle.admit(email, client.clientAddress);
    const user = await this.users.findByEmail(email.trim());
    const passwordOk = user?.password_hash ? await verifyPassword(user.password_hash, password) : (await spendVerificationTime(password), false);
    if (!user || !user.active || !passwordOk) {
      await this.audit.record(null, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null }, undefined, client);
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        code: ERROR_CODES.unauthenticated,
        message: 'Email or password is incorrect.',
      } satisfies ApiErrorBody);
    }
    await this.throttle.succeeded(attempt);
    return this.startSession(user.id, client);
  }

  /** A new session id at every sign-in, so a session fixed before login is worthless after it. */
  async startSession(userId: string, client: ClientInfo): Promise<StartedSession> {
    const cookieValue = newSecret();
    const csrfToken = newSecret();
    return this.dataSource.transaction(async (manager) => {
      await this.sessions.create(manager, {
        id: digest(cookieValue),
        userId,
        csrfToken,
        absoluteSeconds: this.config.sessionAbsoluteSeconds,
        clientAddress: client.clientAddress,
        userAgent: client.userAgent?.slice(0, 500) ?? null,
      });
      const user = (await this.users.findById(userId, manager))!;
      await this.audit.record(
        { user: { id: user.id, email: user.email, role: user.role as Actor['user']['role'] }, via: 'session', ...client },
        { action: 'auth.login', entityType: 'user', entityId: user.id },
        manager,
      );
      return { cookieValue, maxAgeSeconds: this.config.sessionAbsoluteSeconds, session: { user: mapUser(user), csrfToken } };
    });
  }

  async me(actor: Actor, csrfToken: string | null): Promise<Session> {
    const user = await this.users.findById(actor.user.id);
    if (!user) throw notFound('User');
    return { user: mapUser(user), csrfToken: csrfToken ?? '' };
  }

  async logout(actor: Actor, sessionId: string | undefined): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (sessionId) await this.sessions.delete(sessionId, manager);
      await this.audit.record(actor, { action: 'auth.logout', entityType: 'user', entityId: actor.user.id }, manager);
    });
  }

  async logoutEverywhere(actor: Actor): Promise<{ sessionsEnded: number }> {
    return this.dataSource.transaction(async (manager) => {
      const sessionsEnded = await this.sessions.deleteForUser(manager, actor.user.id);
      await this.audit.record(actor, { action: 'auth.logout_everywhere', entityType: 'user', entityId: actor.user.id, after: { sessionsEnded } }, manager);
      return { sessionsEnded };
    });
  }

  async createToken(actor: Actor, name: string): Promise<CreatedApiToken> {
    const token = newSecret('snd_');
    return this.dataSource.transaction(async (manager) => {
      const row = await this.tokens.insert(manager, { userId: actor.user.id, name, tokenHash: digest(token) });
      await this.audit.record(actor, { action: 'token.create', entityType: 'api_token', entityId: row.id }, manager);
      return { ...mapToken(row), token };
    });
  }

  async listTokens(actor: Actor): Promise<ApiToken[]> {
    return (await this.tokens.listForUser(actor.user.id)).map(mapToken);
  }

  async deleteToken(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tokens.deleteOwn(manager, actor.user.id, id))) throw notFound('API token');
      await this.audit.record(actor, { action: 'token.delete', entityType: 'api_token', entityId: id }, manager);
    });
  }
}
