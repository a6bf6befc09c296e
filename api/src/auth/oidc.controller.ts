import { Controller, Get, Redirect, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { SignInMethods } from '@soundings/shared';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { Public } from './actor';
import type { RequestWithActor } from './actor';
import { clientOf } from './auth.controller';
import { readCookie, setSessionCookie } from './cookies';
import { clearOidcLoginCookie, OIDC_LOGIN_COOKIE, setOidcLoginCookie } from './oidc-login-cookie';
import { OidcService, refusalLocation } from './oidc.service';
import { ApiErrors, ApiRedirect, ApiResult } from '../openapi/api-responses';

interface RedirectTo {
  url: string;
}

@ApiTags('auth')
@Controller('auth')
export class OidcController {
  constructor(private readonly service: OidcService) {}

  /** Which ways of signing in this installation offers (single sign-on only when configured). */
  @Public()
  @Get('methods')
  @ApiResult('SignInMethods')
  methods(): SignInMethods {
    return this.service.methods();
  }

  /** Starts single sign-on: redirects to the OpenID Provider (authorization code flow with PKCE). */
  @Public()
  @RateLimit('login')
  @Get('oidc/login')
  @Redirect()
  @ApiRedirect('To the OpenID Provider, or back to /?sso=failed when the provider is unreachable')
  @ApiErrors(404)
  async login(@Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<RedirectTo> {
    const { location, sealedLogin } = await this.service.startLogin(`${request.protocol}://${request.host}`);
    if (sealedLogin) setOidcLoginCookie(request, reply, sealedLogin);
    return { url: location };
  }

  /** Where the provider sends the browser back: signs in the matching active account, then opens the app. */
  @Public()
  @RateLimit('login')
  @Get('oidc/callback')
  @Redirect()
  @ApiRedirect('Into the app when signed in, otherwise to /?sso=denied or /?sso=failed')
  @ApiErrors(404)
  async callback(@Req() request: RequestWithActor, @Res({ passthrough: true }) reply: FastifyReply): Promise<RedirectTo> {
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    const outcome = await this.service.finishLogin(readCookie(request, OIDC_LOGIN_COOKIE), query, clientOf(request));
    clearOidcLoginCookie(request, reply);
    if (outcome.result !== 'signed_in') return { url: refusalLocation(outcome.result) };
    setSessionCookie(request, reply, outcome.started.cookieValue, outcome.started.maxAgeSeconds);
    return { url: '/' };
  }
}
