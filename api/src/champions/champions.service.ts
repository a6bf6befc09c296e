import { Injectable } from '@nestjs/common';
import { ChampionList, ChampionTest } from '@soundings/shared';
import type { Actor } from '../auth/actor';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { toCoalitionMember } from '../coalition/coalition-member';
import { assessChampion, evidenceText, orderByVerdict, TestEvidence } from './champion-qualification';
import { ChampionsRepository } from './champions.repository';

@Injectable()
export class ChampionsService {
  constructor(
    private readonly champions: ChampionsRepository,
    private readonly confidentiality: ConfidentialityPolicy,
  ) {}

  /**
   * Every potential champion with the three tests, read from what Soundings holds (who looks to them,
   * briefings they gave, meetings they spoke in, benefits they named, business priorities they own) and
   * from evidence recorded by hand. Seven statements whatever the number of people; a confidential benefit's words reach only
   * those the policy lets read them, and showing them is recorded.
   */
  async list(actor: Actor): Promise<ChampionList> {
    const [candidates, followers, briefings, meetings, benefits, owned, recorded] = await Promise.all([
      this.champions.candidates(),
      this.champions.followers(),
      this.champions.briefingsGiven(),
      this.champions.meetingsSpokenIn(),
      this.champions.benefitsNamed(),
      this.champions.prioritiesOwned(),
      this.champions.recordedEvidence(),
    ]);
    const view = this.confidentiality.view(actor);
    const evidence = new Map<string, TestEvidence[]>();
    const add = (stakeholderId: string, test: ChampionTest, item: TestEvidence['item']) => {
      const list = evidence.get(stakeholderId) ?? [];
      list.push({ test, item });
      evidence.set(stakeholderId, list);
    };

    for (const tie of followers) {
      const via = tie.via === 'reporting_line' ? 'reporting_line' : tie.kind === 'mentor' ? 'mentor' : 'looks_to';
      add(tie.leader_id, 'influence', {
        source: tie.via === 'reporting_line' ? 'reporting_line' : 'influence_link',
        text: evidenceText.swayed(tie.follower_name, via),
        on: null,
        refId: tie.influence_id,
        personId: tie.follower_id,
      });
    }
    for (const briefing of briefings) {
      add(briefing.briefer_id, 'advocacy', {
        source: 'briefing_given',
        text: evidenceText.briefingGiven(briefing.audience_id ? briefing.audience_name : null),
        on: briefing.day,
        refId: briefing.id,
        personId: briefing.audience_id,
      });
    }
    for (const meeting of meetings) {
      add(meeting.stakeholder_id, 'advocacy', {
        source: 'spoke_in_meeting',
        text: evidenceText.spokeInMeeting(meeting.title),
        on: meeting.day,
        refId: meeting.meeting_id,
        personId: null,
      });
    }
    for (const sounding of benefits) {
      const note = { kind: 'sounding' as const, id: sounding.id, stakeholderId: sounding.stakeholder_id, confidential: sounding.confidential, authorId: sounding.author_id };
      add(sounding.stakeholder_id, 'stake', {
        source: 'benefit_named',
        text: evidenceText.benefitNamed(view.field(note, sounding.benefits_seen).words),
        on: sounding.held_on,
        refId: sounding.id,
        personId: null,
      });
    }
    // Owning a priority the case serves is a stake in it; undated, like a link.
    for (const priority of owned) {
      add(priority.owner_id, 'stake', {
        source: 'priority_owned',
        text: evidenceText.priorityOwned(priority.business_function, priority.title),
        on: null,
        refId: priority.id,
        personId: null,
      });
    }
    for (const row of recorded) {
      add(row.stakeholder_id, row.test as ChampionTest, { source: 'recorded', text: row.evidence, on: row.observed_on, refId: row.id, personId: null });
    }

    const items = orderByVerdict(
      candidates.map((row) =>
        assessChampion({ person: toCoalitionMember(row), influenceScore: row.score, lookedToBy: row.looked_to_by }, evidence.get(row.id) ?? []),
      ),
    );
    await this.confidentiality.record(view);
    return { items };
  }
}
