import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IssuedPasswordReset, Session } from '@soundings/shared';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../common/validation';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { ActorParam, Public, Roles } from './actor';
import type { Actor, RequestWithActor } from './actor';
import { clientOf } from './auth.controller';
import { setSessionCookie } from './cookies';
import { ChangePasswordDto, ResetPasswordDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';

@ApiTags('auth')
@Controller()
export class PasswordsController {
  constructor(private readonly service: PasswordsService) {}

  /** Changes your own password; your other sessions end, and this one is replaced by a fresh one. */
  @Roles('admin', 'practitioner', 'viewer')
  @RateLimit('login')
  @Post('auth/password')
  @HttpCode(200)
  @ApiResult('Session')
  async change(
    @ActorParam() actor: Actor,
    @Body() body: ChangePasswordDto,
    @Req() request: RequestWithActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Session> {
    const changed = await this.service.change(actor, body, clientOf(request), request.sessionId);
    if (changed.started) setSessionCookie(request, reply, changed.started.cookieValue, changed.started.maxAgeSeconds);
    return changed.session;
  }

  /** A one-time link (valid 24 hours) for the person to set a new password; shown once. */
  @Roles('admin')
  @Post('users/:id/password-reset')
  @ApiResult('IssuedPasswordReset', { status: 201 })
  issueReset(@ActorParam() actor: Actor, @IdParam() id: string): Promise<IssuedPasswordReset> {
    return this.service.issueReset(actor, id);
  }

  /** Sets a new password with a reset link's token; the link then stops working and every session ends. */
  @Public()
  @RateLimit('login')
  @Post('auth/password-reset')
  @HttpCode(204)
  @ApiNoContent('Password set; every session of the account has ended')
  reset(@Body() body: ResetPasswordDto, @Req() request: RequestWithActor): Promise<void> {
    return this.service.reset(body, clientOf(request));
  }
}
