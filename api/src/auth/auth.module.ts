import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { UsersController } from '../users/users.controller';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { ApiTokensRepository } from './api-tokens.repository';
import { AUTH_CONFIG, readAuthConfig } from './auth.config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { OidcClient } from './oidc.client';
import { OIDC_CONFIG, readOidcConfig } from './oidc.config';
import { OidcController } from './oidc.controller';
import { OidcService } from './oidc.service';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionsRepository } from './sessions.repository';

@Global()
@Module({
  controllers: [AuthController, OidcController, UsersController],
  providers: [
    { provide: AUTH_CONFIG, useFactory: () => readAuthConfig() },
    { provide: OIDC_CONFIG, useFactory: () => readOidcConfig() },
    { provide: APP_GUARD, useClass: AuthGuard },
    AuthService,
    UsersService,
    UsersRepository,
    SessionsRepository,
    ApiTokensRepository,
    RateLimitRepository,
    OidcClient,
    OidcService,
  ],
  exports: [UsersRepository],
})
export class AuthModule {}
