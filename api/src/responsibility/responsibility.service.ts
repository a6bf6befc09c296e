import { Injectable } from '@nestjs/common';
import { RESPONSIBILITY_MONTHS_DEFAULT } from '@soundings/shared';
import type { ResponsibilityReport } from '@soundings/shared';
import { ResponsibilityRepository } from './responsibility.repository';
import { buildResponsibilityReport } from './responsibility.rules';

@Injectable()
export class ResponsibilityService {
  constructor(private readonly repository: ResponsibilityRepository) {}

  /** One statement whatever the data: every month's counts. */
  async report(months = RESPONSIBILITY_MONTHS_DEFAULT): Promise<ResponsibilityReport> {
    return buildResponsibilityReport(await this.repository.months(months));
  }
}
