import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Dashboard } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { DashboardService } from './dashboard.service';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly service: DashboardService) {}

  @Get()
  @ApiResult('Dashboard')
  get(@ActorParam() actor: Actor): Promise<Dashboard> {
    return this.service.get(actor);
  }
}
