import { Body, Controller, Get, Headers, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { User } from '@soundings/shared';
import { ActorParam, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UsersService } from './users.service';
import { ApiResult, ApiResultList } from '../openapi/api-responses';

@ApiTags('users')
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  @ApiResultList('User')
  list(): Promise<User[]> {
    return this.service.list();
  }

  @Post()
  @ApiResult('User', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateUserDto): Promise<User> {
    return this.service.create(actor, body);
  }

  /** Change role or deactivate (sessions end at once); send the version you loaded. */
  @Patch(':id')
  @ApiResult('User')
  update(@ActorParam() actor: Actor, @IdParam() id: string, @Body() body: UpdateUserDto, @Headers('if-match') ifMatch?: string): Promise<User> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }
}
