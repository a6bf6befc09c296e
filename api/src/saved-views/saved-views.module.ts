import { Module } from '@nestjs/common';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsRepository } from './saved-views.repository';
import { SavedViewsService } from './saved-views.service';

/** Each user's saved views of the stakeholder list, kept in the database so they follow the user anywhere. */
@Module({
  controllers: [SavedViewsController],
  providers: [SavedViewsService, SavedViewsRepository],
})
export class SavedViewsModule {}
