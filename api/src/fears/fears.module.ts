import { Module } from '@nestjs/common';
import { FearsController } from './fears.controller';
import { FearsRepository } from './fears.repository';
import { FearsService } from './fears.service';

@Module({
  controllers: [FearsController],
  providers: [FearsService, FearsRepository],
  exports: [FearsRepository],
})
export class FearsModule {}
