import { Injectable } from '@nestjs/common';
import { AuditEntry, Page, StakeholderExport } from '@soundings/shared';
import { AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import { mapBriefing } from '../briefings/briefing.mapper';
import { mapChampionEvidence } from '../champions/champion-evidence.mapper';
import { ChampionsRepository } from '../champions/champions.repository';
import { BriefingsRepository } from '../briefings/briefings.repository';
import type { Actor } from '../auth/actor';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { mapCommitmentHistory } from '../commitment/commitment-change.mapper';
import { CommitmentRepository } from '../commitment/commitment.repository';
import { PageQueryDto } from '../common/pagination.dto';
import { notFound } from '../errors/api-exceptions';
import { mapExpectation } from '../expectations/expectation.mapper';
import { ExpectationsRepository } from '../expectations/expectations.repository';
import { mapFear } from '../fears/fear.mapper';
import { mapInfluence } from '../influence/influence.mapper';
import { mapInitiative } from '../initiatives/initiative.mapper';
import { InitiativesRepository } from '../initiatives/initiatives.repository';
import { InfluencesRepository } from '../influence/influences.repository';
import { mapMeetingSummary } from '../meetings/meeting.mapper';
import { PrioritiesRepository } from '../priorities/priorities.repository';
import { mapPriority } from '../priorities/priority.mapper';
import { MeetingsRepository } from '../meetings/meetings.repository';
import { mapRelationship } from '../relationships/relationship.mapper';
import { mapPilot } from '../pilots/pilot.mapper';
import { PilotsRepository } from '../pilots/pilots.repository';
import { RelationshipsRepository } from '../relationships/relationships.repository';
import { FearsRepository } from '../fears/fears.repository';
import { mapSounding } from '../soundings/sounding.mapper';
import { SoundingsRepository } from '../soundings/soundings.repository';
import { mapStakeholder } from '../stakeholders/stakeholder.mapper';
import { StakeholdersRepository } from '../stakeholders/stakeholders.repository';
import { mapTimingWindow } from '../timing/timing-window.mapper';
import { TimingRepository } from '../timing/timing.repository';

@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly stakeholders: StakeholdersRepository,
    private readonly soundings: SoundingsRepository,
    private readonly fears: FearsRepository,
    private readonly commitment: CommitmentRepository,
    private readonly briefings: BriefingsRepository,
    private readonly meetings: MeetingsRepository,
    private readonly influences: InfluencesRepository,
    private readonly champions: ChampionsRepository,
    private readonly relationships: RelationshipsRepository,
    private readonly timing: TimingRepository,
    private readonly expectations: ExpectationsRepository,
    private readonly priorities: PrioritiesRepository,
    private readonly pilots: PilotsRepository,
    private readonly initiatives: InitiativesRepository,
    private readonly audit: AuditService,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  /**
   * Everything held about one person, for a subject-access request. It goes through the same
   * mappers as every other view, so a confidential sounding the exporter may not read is included
   * as withheld, without its words. The export itself is audited.
   */
  async export(actor: Actor, stakeholderId: string): Promise<StakeholderExport> {
    const row = await this.stakeholders.findById(stakeholderId);
    if (!row) throw notFound('Stakeholder');
    const [soundingRows, conductedRows, fearRows, historyRows, briefingRows, meetingRows, influenceRows, evidenceRows, relationshipRows, timingRows, expectationRows, priorityRows, pilotRows, initiativeRows, auditEntries] = await Promise.all([
      this.soundings.forStakeholder(stakeholderId),
      this.soundings.allConductedBy(stakeholderId),
      this.fears.forStakeholder(stakeholderId),
      this.commitment.history(stakeholderId),
      this.briefings.givenOrReceivedBy(stakeholderId),
      this.meetings.attendedBy(stakeholderId),
      this.influences.atEitherEnd(stakeholderId),
      this.champions.evidenceFor(stakeholderId),
      this.relationships.concerning(stakeholderId),
      this.timing.forStakeholder(stakeholderId),
      this.expectations.forStakeholder(stakeholderId),
      this.priorities.ownedBy(stakeholderId),
      this.pilots.concerning(stakeholderId),
      this.initiatives.concerning(stakeholderId),
      this.audit.forStakeholder(stakeholderId),
    ]);
    const view = this.confidentiality.view(actor);
    const fears = fearRows.map((fear) => mapFear(fear, view));
    const soundings = soundingRows.map((sounding) => mapSounding(sounding, fears, view));
    const withheld = soundings.filter((sounding) => sounding.redacted).length;
    const heldForRestore = await this.deletedItems.concerning(view, stakeholderId);
    // Exporting a confidential note's words is a read of it: the export's entry says which ones.
    await this.confidentiality.recordWith(view, {
      action: 'stakeholder.export',
      entityType: 'stakeholder',
      entityId: stakeholderId,
      stakeholderId,
      after: {
        soundings: soundings.length,
        withheldSoundings: withheld,
        soundingsConducted: conductedRows.length,
        fears: fears.length,
        briefings: briefingRows.length,
        meetings: meetingRows.length,
        influences: influenceRows.length,
        championEvidence: evidenceRows.length,
        relationships: relationshipRows.length,
        timingWindows: timingRows.length,
        expectations: expectationRows.length,
        pilots: pilotRows.length,
        initiatives: initiativeRows.length,
        heldForRestore: heldForRestore.length,
      },
    });
    return {
      format: 'soundings-subject-export/1',
      exportedAt: new Date().toISOString(),
      exportedBy: { id: actor.user.id, email: actor.user.email },
      stakeholder: mapStakeholder(row),
      soundings,
      withheldSoundings: withheld,
      soundingsConducted: conductedRows,
      fears,
      levelHistory: mapCommitmentHistory(historyRows),
      briefings: briefingRows.map(mapBriefing),
      meetings: meetingRows.map((meeting) => ({ ...mapMeetingSummary(meeting), spokeFor: meeting.spoke_for })),
      influences: influenceRows.map(mapInfluence),
      championEvidence: evidenceRows.map(mapChampionEvidence),
      relationships: relationshipRows.map(mapRelationship),
      timingWindows: timingRows.map(mapTimingWindow),
      expectations: expectationRows.map(mapExpectation),
      priorities: priorityRows.map(mapPriority),
      pilots: pilotRows.map(mapPilot),
      initiatives: initiativeRows.map(mapInitiative),
      heldForRestore,
      // Staff addresses and request ids are about the staff, not the person: left out.
      auditEntries: auditEntries.map(({ clientAddress: _address, requestId: _request, ...entry }) => entry),
    };
  }

  /** The audit trail about one person, newest first, for their page. */
  async history(stakeholderId: string, query: PageQueryDto): Promise<Page<AuditEntry>> {
    if (!(await this.stakeholders.exists(stakeholderId))) throw notFound('Stakeholder');
    return this.audit.list({ ...query, stakeholderId });
  }
}
