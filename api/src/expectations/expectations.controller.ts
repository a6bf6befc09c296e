import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Expectation, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreateExpectationDto, ListExpectationsDto, UpdateExpectationDto } from './dto/expectation.dto';
import { ExpectationsService } from './expectations.service';

@ApiTags('expectations')
@Controller('expectations')
export class ExpectationsController {
  constructor(private readonly service: ExpectationsService) {}

  /** What each leader was told to expect: the top team first, then by person, newest first. */
  @Get()
  @ApiResult('ExpectationPage')
  list(@Query() query: ListExpectationsDto): Promise<Page<Expectation>> {
    return this.service.list(query);
  }

  /** Record what a leader was told to expect; the teller is you unless another account or a champion is named. */
  @Post()
  @ApiResult('Expectation', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateExpectationDto): Promise<Expectation> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Expectation')
  get(@IdParam() id: string): Promise<Expectation> {
    return this.service.get(id);
  }

  /** Change what was told, by whom, whether it is realistic or its status (withdraw it here); send the version you loaded. */
  @Patch(':id')
  @ApiResult('Expectation')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateExpectationDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Expectation> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
