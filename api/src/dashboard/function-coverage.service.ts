import { Injectable } from '@nestjs/common';
import type { FunctionCoverage } from '@soundings/shared';
import { toFunctionCoverage } from './function-coverage';
import { FunctionCoverageRepository } from './function-coverage.repository';

@Injectable()
export class FunctionCoverageService {
  constructor(private readonly repository: FunctionCoverageRepository) {}

  /** One statement whatever the number of functions, priorities or people. */
  async functions(): Promise<FunctionCoverage[]> {
    return (await this.repository.functions()).map(toFunctionCoverage);
  }
}
