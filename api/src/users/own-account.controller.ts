import { Body, Controller, Headers, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { User } from '@soundings/shared';
import { ActorParam, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { expectedVersion } from '../common/version';
import { ApiResult } from '../openapi/api-responses';
import { UpdateOwnAccountDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class OwnAccountController {
  constructor(private readonly service: UsersService) {}

  /** Changes your own display name; send the version of your account you loaded (session.user.version). */
  @Roles('admin', 'practitioner', 'viewer')
  @Patch('me')
  @ApiResult('User')
  update(@ActorParam() actor: Actor, @Body() body: UpdateOwnAccountDto, @Headers('if-match') ifMatch?: string): Promise<User> {
    return this.service.updateOwn(actor, expectedVersion(body.version, ifMatch), body);
  }
}
