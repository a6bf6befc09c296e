import { Controller, Get, HttpException, HttpStatus } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Public } from '../auth/actor';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { ERROR_CODES } from '@soundings/shared';
import type { HealthStatus } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 while the database answers; 503 otherwise, so a load balancer can take this instance out. */
  @Public()
  // Probed by load balancers every few seconds; it must not spend a write per probe.
  @RateLimit('none')
  @Get()
  @ApiResult('HealthStatus')
  async check(): Promise<HealthStatus> {
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database check timed out')), 2_000).unref()),
      ]);
      return { status: 'ok' };
    } catch {
      throw new HttpException(
        { statusCode: 503, error: 'Service Unavailable', code: ERROR_CODES.databaseUnavailable, message: 'The database is not reachable', status: 'unavailable' },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
  }
}
