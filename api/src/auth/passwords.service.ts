import { BadRequestException, ConflictException, HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorBody, ERROR_CODES, IssuedPasswordReset, PASSWORD_RESET_HOURS, PASSWORD_RESET_PATH, Session } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { invalidField, notFound } from '../errors/api-exceptions';
import { mapUser } from '../users/user.mapper';
import { UsersRepository } from '../users/users.repository';
import type { Actor } from './actor';
import { AuthService } from './auth.service';
import type { ClientInfo, StartedSession } from './auth.service';
import { ChangePasswordDto, ResetPasswordDto } from './dto/password.dto';
import { PasswordResetsRepository } from './password-resets.repository';
import { hashPassword, passwordProblem, spendVerificationTime, verifyPassword } from './passwords';
import { SessionsRepository } from './sessions.repository';
import { SignInThrottle } from './sign-in-throttle';
import { digest, newSecret } from './tokens';

function assertAcceptable(newPassword: string): void {
  const problem = passwordProblem(newPassword);
  if (problem) throw invalidField('newPassword', problem);
}

// The same answer for an unknown, used or expired link: which one it was helps nobody but a guesser.
function invalidResetLink(): BadRequestException {
  return new BadRequestException({
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    code: ERROR_CODES.resetTokenInvalid,
    message: 'This reset link is not valid: it was already used, it has expired, or a newer one replaced it. Ask an admin for a new one.',
    fields: [{ field: 'token', message: 'is not a valid reset link' }],
  } satisfies ApiErrorBody);
}

/** What a password change hands back: the answer, and the rotated session's cookie when there is one. */
export interface PasswordChanged {
  session: Session;
  started: StartedSession | null;
}

/**
 * Passwords after sign-up: a person changes their own (proving the current one), or an admin issues
 * a one-time reset link. Either way every other session of that person ends, since a password is
 * usually changed because someone else may know it.
 */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsRepository,
    private readonly resets: PasswordResetsRepository,
    private readonly throttle: SignInThrottle,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sets a new password once the current one is proven. Every other session ends; a session-based
   * caller gets a fresh session in place of the one they used, as at sign-in.
   */
  async change(actor: Actor, input: ChangePasswordDto, client: ClientInfo, sessionId: string | undefined): Promise<PasswordChanged> {
    assertAcceptable(input.newPassword);
    const attempt = await this.throttle.admit(actor.user.email, client.clientAddress, 'Too many wrong passwords.');
    const user = await this.users.findById(actor.user.id);
    if (!user) throw notFound('User');
    const proven = user.password_hash
      ? await verifyPassword(user.password_hash, input.currentPassword)
      : (await spendVerificationTime(input.currentPassword), false);
    if (!proven) {
      await this.audit.record(actor, { action: 'auth.password_change_failed', entityType: 'user', entityId: user.id });
      throw invalidField('currentPassword', user.password_hash ? 'is not your current password' : 'cannot be checked: this account signs in with single sign-on only');
    }
    await this.throttle.succeeded(attempt);
    const passwordHash = await hashPassword(input.newPassword);
    const keep = actor.via === 'session' ? sessionId : undefined;
    await this.dataSource.transaction(async (manager) => {
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      const sessionsEnded = keep ? await this.sessions.deleteOthersForUser(manager, user.id, keep) : await this.sessions.deleteForUser(manager, user.id);
      await this.audit.record(actor, { action: 'auth.password_change', entityType: 'user', entityId: user.id, after: { sessionsEnded } }, manager);
    });
    if (!keep) return { session: { user: mapUser(user), csrfToken: '' }, started: null };
    // Rotated after the commit: should this fail, the caller simply keeps the session they had.
    const started = await this.auth.startSession(user.id, client);
    await this.sessions.delete(keep);
    return { session: started.session, started };
  }

  /** A one-time link for `userId`, valid for a day; shown once to the admin, stored only as a hash. */
  async issueReset(actor: Actor, userId: string): Promise<IssuedPasswordReset> {
    const user = await this.users.findById(userId);
    if (!user) throw notFound('User');
    if (!user.active) {
      throw new ConflictException({
        statusCode: HttpStatus.CONFLICT,
        error: 'Conflict',
        code: ERROR_CODES.conflict,
        message: 'This account is deactivated: reactivate it before issuing a reset link.',
      } satisfies ApiErrorBody);
    }
    const token = newSecret();
    return this.dataSource.transaction(async (manager) => {
      const { expires_at } = await this.resets.replaceForUser(manager, { userId, tokenHash: digest(token), issuedBy: actor.user.id, validHours: PASSWORD_RESET_HOURS });
      const expiresAt = expires_at.toISOString();
      await this.audit.record(actor, { action: 'user.password_reset_issue', entityType: 'user', entityId: userId, after: { expiresAt } }, manager);
      return { userId, token, path: `${PASSWORD_RESET_PATH}?token=${encodeURIComponent(token)}`, expiresAt };
    });
  }

  /** Sets a new password through a reset link, once; every session of that person ends. */
  async reset(input: ResetPasswordDto, client: ClientInfo): Promise<void> {
    assertAcceptable(input.newPassword);
    const passwordHash = await hashPassword(input.newPassword);
    const anonymous = { requestId: client.requestId, clientAddress: client.clientAddress };
    const email = await this.dataSource.transaction(async (manager) => {
      const reset = await this.resets.consume(manager, digest(input.token));
      const user = reset && (await this.users.findById(reset.user_id, manager));
      if (!user?.active) return null;
      await this.users.setPasswordHash(manager, user.id, passwordHash);
      const sessionsEnded = await this.sessions.deleteForUser(manager, user.id);
      await this.audit.record(null, { action: 'auth.password_reset', entityType: 'user', entityId: user.id, after: { sessionsEnded } }, manager, anonymous);
      return user.email;
    });
    if (!email) {
      await this.audit.record(null, { action: 'auth.password_reset_failed', entityType: 'user', entityId: null }, undefined, anonymous);
      throw invalidResetLink();
    }
    await this.throttle.forgetFailures(email);
  }
}
