import { CHAMPION_TESTS, LIMITS } from '@soundings/shared';
import type { ChampionEvidenceListQuery, ChampionTest, CreateChampionEvidenceRequest, UpdateChampionEvidenceRequest } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { CalendarDate, Id, Optional, PAST_DAYS, PatchOf, RecordVersion, RequiredText } from '../../common/validation';

const testMessage = { message: `must be one of ${CHAMPION_TESTS.join(', ')}` };

export class ChampionEvidenceFieldsDto {
  /** Which of the three tests this is evidence for. */
  @IsIn(CHAMPION_TESTS, testMessage)
  test: ChampionTest;

  /** What they did or said, in words ("Took the case to the Finance leadership team on her own"). */
  @RequiredText(LIMITS.longText)
  evidence: string;

  /** When it was seen; not in the future. */
  @CalendarDate(PAST_DAYS)
  on: string;
}

export class CreateChampionEvidenceDto extends ChampionEvidenceFieldsDto implements CreateChampionEvidenceRequest {
  /** The potential champion it is about. */
  @Id('must be a stakeholder id (UUID)')
  stakeholderId: string;
}

export class UpdateChampionEvidenceDto extends PatchOf(ChampionEvidenceFieldsDto) implements UpdateChampionEvidenceRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListChampionEvidenceDto extends PageQueryDto implements ChampionEvidenceListQuery {
  @Optional()
  @Id('must be a stakeholder id (UUID)')
  stakeholderId?: string;

  @Optional()
  @IsIn(CHAMPION_TESTS, testMessage)
  test?: ChampionTest;
}
