import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BRIEFING_MOMENTS, BriefingRow, DONE_BRIEFINGS_OF_PERSON } from '../briefings/briefings.repository';
import { CommitmentChangeRow, LEVEL_CHANGE_MOMENTS, LEVEL_HISTORY_OF_PERSON } from '../commitment/commitment.repository';
import { withMoments, jsonRows } from '../database/json-rows';
import { FEAR_MOMENTS, FearRow, FEARS_OF_PERSON } from '../fears/fears.repository';
import { INITIATIVE_MOMENTS, InitiativeRow, INITIATIVES_HELD_WITH_PERSON } from '../initiatives/initiatives.repository';
import { PILOT_MOMENTS, PilotRow, PILOTS_SPONSORED_BY_PERSON } from '../pilots/pilots.repository';
import { SOUNDING_MOMENTS, SoundingRow, SOUNDINGS_OF_PERSON } from '../soundings/soundings.repository';
import { STAKEHOLDER_COLUMNS, STAKEHOLDER_FROM, StakeholderRow } from '../stakeholders/stakeholders.repository';

/** Everything a journey is built from, in the row shapes each module's mapper takes. */
export interface JourneyRows {
  person: StakeholderRow;
  soundings: SoundingRow[];
  fears: FearRow[];
  history: CommitmentChangeRow[];
  briefings: BriefingRow[];
  pilots: PilotRow[];
  initiatives: InitiativeRow[];
}

type JourneyRow = StakeholderRow & {
  journey_soundings: unknown;
  journey_fears: unknown;
  journey_history: unknown;
  journey_briefings: unknown;
  journey_pilots: unknown;
  journey_initiatives: unknown;
};

/**
 * The person and every list of their journey in one statement: each list is its module's own read
 * (owner of the SQL and of the row shape), aggregated to JSON in PostgreSQL over the same `$1`.
 */
const JOURNEY_SELECT = `
  SELECT ${STAKEHOLDER_COLUMNS},
         ${jsonRows(SOUNDINGS_OF_PERSON)} AS journey_soundings,
         ${jsonRows(FEARS_OF_PERSON)} AS journey_fears,
         ${jsonRows(LEVEL_HISTORY_OF_PERSON)} AS journey_history,
         ${jsonRows(DONE_BRIEFINGS_OF_PERSON)} AS journey_briefings,
         ${jsonRows(PILOTS_SPONSORED_BY_PERSON)} AS journey_pilots,
         ${jsonRows(INITIATIVES_HELD_WITH_PERSON)} AS journey_initiatives
    ${STAKEHOLDER_FROM}
   WHERE s.id = $1`;

@Injectable()
export class JourneysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Null when there is no such person. */
  async read(stakeholderId: string): Promise<JourneyRows | null> {
    const rows: JourneyRow[] = await this.dataSource.query(JOURNEY_SELECT, [stakeholderId]);
    if (rows.length === 0) return null;
    const { journey_soundings, journey_fears, journey_history, journey_briefings, journey_pilots, journey_initiatives, ...person } = rows[0];
    return {
      person,
      soundings: withMoments<SoundingRow>(journey_soundings, SOUNDING_MOMENTS),
      fears: withMoments<FearRow>(journey_fears, FEAR_MOMENTS),
      history: withMoments<CommitmentChangeRow>(journey_history, LEVEL_CHANGE_MOMENTS),
      briefings: withMoments<BriefingRow>(journey_briefings, BRIEFING_MOMENTS),
      pilots: withMoments<PilotRow>(journey_pilots, PILOT_MOMENTS),
      initiatives: withMoments<InitiativeRow>(journey_initiatives, INITIATIVE_MOMENTS),
    };
  }
}
