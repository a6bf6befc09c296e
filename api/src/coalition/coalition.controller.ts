import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CoalitionNetwork } from '@soundings/shared';
import { ApiResult } from '../openapi/api-responses';
import { CoalitionService } from './coalition.service';
import { NetworkQueryDto } from './dto/network-query.dto';

@ApiTags('coalition')
@Controller('coalition')
export class CoalitionController {
  constructor(private readonly service: CoalitionService) {}

  /** Everyone still on record (erased people left out) with their influence, and every tie between them, reporting lines included. */
  @Get('network')
  @ApiResult('CoalitionNetwork')
  network(@Query() query: NetworkQueryDto): Promise<CoalitionNetwork> {
    return this.service.network(query);
  }
}
