import { Injectable } from '@nestjs/common';
import { Journey } from '@soundings/shared';
import { mapBriefing } from '../briefings/briefing.mapper';
import { BriefingsRepository } from '../briefings/briefings.repository';
import { mapCommitmentHistory } from '../commitment/commitment-change.mapper';
import { CommitmentRepository } from '../commitment/commitment.repository';
import { notFound } from '../errors/api-exceptions';
import { mapFear } from '../fears/fear.mapper';
import { FearsRepository } from '../fears/fears.repository';
import { mapInitiative } from '../initiatives/initiative.mapper';
import { InitiativesRepository } from '../initiatives/initiatives.repository';
import { mapSounding } from '../soundings/sounding.mapper';
import { SoundingsRepository } from '../soundings/soundings.repository';
import { mapPilot } from '../pilots/pilot.mapper';
import { PilotsRepository } from '../pilots/pilots.repository';
import { mapStakeholder } from '../stakeholders/stakeholder.mapper';
import { StakeholdersRepository } from '../stakeholders/stakeholders.repository';
import { buildJourney } from './build-journey';
import type { Actor } from '../auth/actor';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';

@Injectable()
export class JourneysService {
  constructor(
    private readonly stakeholders: StakeholdersRepository,
    private readonly soundings: SoundingsRepository,
    private readonly fears: FearsRepository,
    private readonly commitment: CommitmentRepository,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly briefings: BriefingsRepository,
    private readonly pilots: PilotsRepository,
    private readonly initiatives: InitiativesRepository,
  ) {}

  /** Seven statements whatever the history's length: the person, their soundings, fears, level history, briefings, the pilots they sponsor and their initiatives. */
  async journey(actor: Actor, stakeholderId: string): Promise<Journey> {
    const row = await this.stakeholders.findById(stakeholderId);
    if (!row) throw notFound('Stakeholder');
    const [soundingRows, fearRows, historyRows, briefingRows, pilotRows, initiativeRows] = await Promise.all([
      this.soundings.forStakeholder(stakeholderId),
      this.fears.forStakeholder(stakeholderId),
      this.commitment.history(stakeholderId),
      this.briefings.doneForStakeholder(stakeholderId),
      this.pilots.sponsoredBy(stakeholderId),
      this.initiatives.heldWith(stakeholderId),
    ]);
    const view = this.confidentiality.view(actor);
    const fears = fearRows.map((fear) => mapFear(fear, view));
    const soundings = soundingRows.map((sounding) => mapSounding(sounding, fears, view));
    await this.confidentiality.record(view);
    return buildJourney(
      mapStakeholder(row),
      soundings,
      fears,
      mapCommitmentHistory(historyRows),
      briefingRows.map(mapBriefing),
      pilotRows.map(mapPilot),
      initiativeRows.map(mapInitiative),
    );
  }
}
