import { Module } from '@nestjs/common';
import { LastContactRepository } from './last-contact.repository';

/** Keeping leaders on the radar: last contact of any kind, against each person's cadence. */
@Module({
  providers: [LastContactRepository],
  exports: [LastContactRepository],
})
export class CadenceModule {}
