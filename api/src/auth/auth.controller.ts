import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiToken, CreatedApiToken, LogoutEverywhereResult, Session, SetupStatus } from '@soundings/shared';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../common/validation';
import { CreateFirstAdminDto } from '../users/dto/user.dto';
import { ActorParam, Public, Roles } from './actor';
import type { Actor, RequestWithActor } from './actor';
import { AuthService } from './auth.service';
import type { ClientInfo } from './auth.service';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { clearSessionCookie, setSessionCookie } from './cookies';
import { CreateApiTokenDto, LoginDto } from './dto/login.dto';
import { ApiErrors, ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';

export function clientOf(request: RequestWithActor): ClientInfo {
  const userAgent = request.headers['user-agent'];
  return { requestId: String(request.id), clientAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly service: AuthService) {}

  /** Whether the one-time "create the first admin" step is still open. */
  @Public()
  @Get('setup')
  @ApiResult('SetupStatus')
  setupStatus(): Promise<SetupStatus> {
    return this.service.setupStatus();
  }

  /** Creates the first admin (only while there are no accounts) and signs them in. */
  @Public()
  @RateLimit('login')
  @Post('setup/first-admin')
  @ApiResult('Session', { status: 201 })
  @ApiErrors(409)
  async createFirstAdmin(
    @Body() body: CreateFirstAdminDto,
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const started = await this.service.setUpFirstAdmin(body, clientOf(request));
    setSessionCookie(request, reply, started.cookieValue, started.maxAgeSeconds);
    return started.session;
  }

  /** Signs in with email and password; the answer carries the CSRF token for later writes. */
  @Public()
  @RateLimit('login')
  @Post('auth/login')
  @HttpCode(200)
  @ApiResult('Session')
  @ApiErrors(401)
  async login(@Body() body: LoginDto, @Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<Session> {
    const started = await this.service.login(body.email, body.password, clientOf(request));
    setSessionCookie(request, reply, started.cookieValue, started.maxAgeSeconds);
    return started.session;
  }

  @Get('auth/me')
  @ApiResult('Session')
  me(@ActorParam() actor: Actor, @Req() request: RequestWithActor): Promise<Session> {
    return this.service.me(actor, request.csrfToken ?? null);
  }

  @Roles('admin', 'practitioner', 'viewer')
  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContent('Signed out; the session cookie is cleared')
  async logout(@ActorParam() actor: Actor, @Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.service.logout(actor, request.sessionId);
    clearSessionCookie(request, reply);
  }

  /** Ends every session of the signed-in user, on every device. */
  @Roles('admin', 'practitioner', 'viewer')
  @Post('auth/logout-everywhere')
  @ApiResult('LogoutEverywhereResult', { status: 201 })
  async logoutEverywhere(
    @ActorParam() actor: Actor,
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LogoutEverywhereResult> {
    const result = await this.service.logoutEverywhere(actor);
    clearSessionCookie(request, reply);
    return result;
  }

  /** A token for scripts (Authorization: Bearer …); it acts with your role. Shown once. */
  @Roles('admin', 'practitioner', 'viewer')
  @Post('auth/tokens')
  @ApiResult('CreatedApiToken', { status: 201 })
  createToken(@ActorParam() actor: Actor, @Body() body: CreateApiTokenDto): Promise<CreatedApiToken> {
    return this.service.createToken(actor, body.name);
  }

  @Get('auth/tokens')
  @ApiResultList('ApiToken')
  listTokens(@ActorParam() actor: Actor): Promise<ApiToken[]> {
    return this.service.listTokens(actor);
  }

  @Roles('admin', 'practitioner', 'viewer')
  @Delete('auth/tokens/:id')
  @HttpCode(204)
  @ApiNoContent()
  deleteToken(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.deleteToken(actor, id);
  }
}
