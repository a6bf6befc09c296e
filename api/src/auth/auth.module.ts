import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { OwnAccountController } from '../users/own-account.controller';
import { UsersController } from '../users/users.controller';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { AUTH_CONFIG, readAuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { CallerIdentity } from './caller-identity';
import { OidcClient } from './oidc.client';
import { OIDC_CONFIG, readOidcConfig } from './oidc.config';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { PasswordResetsRepository } from './password-resets.repository';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';
import { RateLimitRepository } from './rate-limit.repository';
import { SignInThrottle } from './sign-in-throttle';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  controllers: [AuthController, OidcController, UsersController, PasswordsController, OwnAccountController],
  providers: [
    { provide: AUTH_CONFIG, useFactory: () => readAuthConfig() },
    { provide: OIDC_CONFIG, useFactory: () => readOidcConfig() },
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    CallerIdentity,
    UsersService,
    UsersRepository,
    SessionsRepository,
    ApiTokensRepository,
    RateLimitRepository,
    OidcClient,
    OidcService,
    PasswordsService,
    PasswordResetsRepository,
    SignInThrottle,
  ],
  // The retention job prunes ended sessions and spent reset links; the rate limit counts per identified user.
  exports: [UsersRepository, SessionsRepository, PasswordResetsRepository, AUTH_CONFIG, CallerIdentity],
})
export class AuthModule {}
