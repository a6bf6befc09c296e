import { Injectable } from '@nestjs/common';
import { Journey } from '@soundings/shared';
import { mapBriefing } from '../briefings/briefing.mapper';
import { mapCommitmentHistory } from '../commitment/commitment-change.mapper';
import { notFound } from '../errors/api-exceptions';
import { mapFear } from '../fears/fear.mapper';
import { mapInitiative } from '../initiatives/initiative.mapper';
import { mapSounding } from '../soundings/sounding.mapper';
import { mapPilot } from '../pilots/pilot.mapper';
import { mapStakeholder } from '../stakeholders/stakeholder.mapper';
import { buildJourney } from './build-journey';
import { JourneysRepository } from './journeys.repository';
import type { Actor } from '../auth/actor';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';

@Injectable()
export class JourneysService {
  constructor(
    private readonly journeys: JourneysRepository,
    private readonly confidentiality: ConfidentialityPolicy,
  ) {}

  /**
   * One statement whatever the history's length (the person with their soundings, fears, level history,
   * briefings, the pilots they sponsor and their initiatives), and one more for the audit entry when it
   * shows confidential words.
   */
  async journey(actor: Actor, stakeholderId: string): Promise<Journey> {
    const rows = await this.journeys.read(stakeholderId);
    if (!rows) throw notFound('Stakeholder');
    const view = this.confidentiality.view(actor);
    const fears = rows.fears.map((fear) => mapFear(fear, view));
    const soundings = rows.soundings.map((sounding) => mapSounding(sounding, fears, view));
    await this.confidentiality.record(view);
    return buildJourney(
      mapStakeholder(rows.person),
      soundings,
      fears,
      mapCommitmentHistory(rows.history),
      rows.briefings.map(mapBriefing),
      rows.pilots.map(mapPilot),
      rows.initiatives.map(mapInitiative),
    );
  }
}
