import { Module } from '@nestjs/common';
import { BriefingsController } from './briefings.controller';
import { BriefingsRepository } from './briefings.repository';
import { BriefingsService } from './briefings.service';

@Module({
  controllers: [BriefingsController],
  providers: [BriefingsService, BriefingsRepository],
  exports: [BriefingsRepository],
})
export class BriefingsModule {}
