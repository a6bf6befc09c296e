import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, Relationship, RelationshipHolder, RelationshipMatrix } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';
import { CreateRelationshipDto, ListRelationshipsDto, UpdateRelationshipDto } from './dto/relationship.dto';
import { RelationshipsService } from './relationships.service';

@ApiTags('relationships')
@Controller('relationships')
export class RelationshipsController {
  constructor(private readonly service: RelationshipsService) {}

  /** Who on our side holds the relationship with whom: by person, champions before accounts. */
  @Get()
  @ApiResult('RelationshipPage')
  list(@Query() query: ListRelationshipsDto): Promise<Page<Relationship>> {
    return this.service.list(query);
  }

  /** Top-team members against the champions and HR accounts who hold relationships. */
  @Get('matrix')
  @ApiResult('RelationshipMatrix')
  matrix(): Promise<RelationshipMatrix> {
    return this.service.matrix();
  }

  /** Active accounts, by name: who on the HR side can be named as a holder. */
  @Get('holder-accounts')
  @ApiResultList('RelationshipHolder')
  holderAccounts(): Promise<RelationshipHolder[]> {
    return this.service.holderAccounts();
  }

  @Post()
  @ApiResult('Relationship', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateRelationshipDto): Promise<Relationship> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Relationship')
  get(@IdParam() id: string): Promise<Relationship> {
    return this.service.get(id);
  }

  /** Change the quality or the note; send the version you loaded. */
  @Patch(':id')
  @ApiResult('Relationship')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateRelationshipDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Relationship> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }
}
