import { Module } from '@nestjs/common';
import { ResponsibilityController } from './responsibility.controller';
import { ResponsibilityRepository } from './responsibility.repository';
import { ResponsibilityService } from './responsibility.service';

/** Whose responsibility: the share of the campaign's visible work led by leaders rather than HR. */
@Module({
  controllers: [ResponsibilityController],
  providers: [ResponsibilityService, ResponsibilityRepository],
})
export class ResponsibilityModule {}
