import { Body, Controller, Get, Headers, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Sounding } from '@soundings/shared';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateSoundingDto, UpdateSoundingDto } from './dto/sounding.dto';
import { SoundingsService } from './soundings.service';

@ApiTags('soundings')
@Controller()
export class SoundingsController {
  constructor(private readonly service: SoundingsService) {}

  /** Log a one-to-one sounding with the fears voiced in it. */
  @Post('stakeholders/:id/soundings')
  log(@IdParam() stakeholderId: string, @Body() body: CreateSoundingDto): Promise<Sounding> {
    return this.service.log(stakeholderId, body);
  }

  /** A person's soundings, newest first. */
  @Get('stakeholders/:id/soundings')
  list(@IdParam() stakeholderId: string): Promise<Sounding[]> {
    return this.service.listForStakeholder(stakeholderId);
  }

  @Get('soundings/:id')
  get(@IdParam() id: string): Promise<Sounding> {
    return this.service.get(id);
  }

  @Patch('soundings/:id')
  update(@IdParam() id: string, @Body() body: UpdateSoundingDto, @Headers('if-match') ifMatch?: string): Promise<Sounding> {
    return this.service.update(id, expectedVersion(body.version, ifMatch), body);
  }
}
