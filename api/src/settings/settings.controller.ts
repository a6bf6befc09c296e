import { Body, Controller, Get, Headers, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AppSettings } from '@soundings/shared';
import { ActorParam, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { expectedVersion } from '../common/version';
import { UpdateSettingsDto } from './dto/update-settings.dto';
import { SettingsService } from './settings.service';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('settings')
@Roles('admin')
@Controller('settings')
export class SettingsController {
  constructor(private readonly service: SettingsService) {}

  @Get()
  @ApiResult('AppSettings')
  get(): Promise<AppSettings> {
    return this.service.get();
  }

  /** Replaces the settings; send the version you loaded. */
  @Put()
  @ApiResult('AppSettings')
  update(@ActorParam() actor: Actor, @Body() body: UpdateSettingsDto, @Headers('if-match') ifMatch?: string): Promise<AppSettings> {
    return this.service.update(actor, expectedVersion(body.version, ifMatch), body);
  }
}
