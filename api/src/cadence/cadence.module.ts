import { Module } from '@nestjs/common';
import { LastContactCatchUp } from './last-contact.catch-up';
import { LastContactRepository } from './last-contact.repository';
import { OrganisationCalendar } from './organisation-calendar';

/** Keeping leaders on the radar: last contact of any kind, against each person's cadence. */
@Module({
  providers: [LastContactRepository, LastContactCatchUp, OrganisationCalendar],
  exports: [LastContactRepository, LastContactCatchUp, OrganisationCalendar],
})
export class CadenceModule {}
