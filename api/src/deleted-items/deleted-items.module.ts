import { Global, Module } from '@nestjs/common';
import { CadenceModule } from '../cadence/cadence.module';
import { DeletedItemsController } from './deleted-items.controller';
import { DeletedItemsRepository } from './deleted-items.repository';
import { DeletedItemsService } from './deleted-items.service';

/** Global: every module with a delete holds what it deleted here, for 30 days. */
@Global()
@Module({
  imports: [CadenceModule],
  controllers: [DeletedItemsController],
  providers: [DeletedItemsService, DeletedItemsRepository],
  exports: [DeletedItemsService],
})
export class DeletedItemsModule {}
