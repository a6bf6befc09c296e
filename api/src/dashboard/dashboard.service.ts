import { Injectable } from '@nestjs/common';
import {
  COMMITMENT_LEVELS,
  CommitmentLevel,
  Dashboard,
  FEAR_CATEGORIES,
  FearCategory,
  isOnBoard,
  SlippingPerson,
} from '@soundings/shared';
import { mapContactCadence } from '../cadence/cadence-sql';
import { mapCoalitionMember } from '../coalition/coalition-member';
import type { Actor } from '../auth/actor';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { DashboardRepository } from './dashboard.repository';

function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

@Injectable()
export class DashboardService {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly confidentiality: ConfidentialityPolicy,
  ) {}

  /** One statement whatever the campaign's size (and one more to record a confidential next step shown). */
  async get(actor: Actor): Promise<Dashboard> {
    const { levels, fears, overdue, overdue_total, cooling, cooling_total } = await this.dashboard.overview();

    const byCommitment = zeroCounts(COMMITMENT_LEVELS);
    const topTeam = { total: 0, sounded: 0, onBoard: 0 };
    for (const row of levels) {
      const level = row.commitment as CommitmentLevel;
      byCommitment[level] = row.total;
      topTeam.total += row.top_team;
      if (level !== 'not_sounded') topTeam.sounded += row.top_team;
      if (isOnBoard(level)) topTeam.onBoard += row.top_team;
    }
    const openFearsByCategory = zeroCounts(FEAR_CATEGORIES);
    for (const row of fears) openFearsByCategory[row.category as FearCategory] = row.total;

    const view = this.confidentiality.view(actor);
    const overdueFollowUps = overdue.map((row) => {
      const nextStep = view.field(
        { kind: 'sounding', id: row.sounding_id, stakeholderId: row.id, confidential: row.confidential, authorId: row.author_id },
        row.next_step,
      );
      return {
        stakeholder: { id: row.id, name: row.name },
        followUpOn: row.next_follow_up_on,
        nextStep: nextStep.words,
        redacted: nextStep.redacted,
        soundingId: row.sounding_id,
      };
    });
    await this.confidentiality.record(view);

    return {
      totalStakeholders: Object.values(byCommitment).reduce((sum, n) => sum + n, 0),
      byCommitment,
      topTeam,
      openFearsByCategory,
      overdueFollowUps,
      overdueFollowUpsTotal: Number(overdue_total),
      coolingContacts: cooling.map((row) => ({
        stakeholder: { id: row.id, name: row.name },
        commitment: row.commitment as CommitmentLevel,
        lastContactAt: row.last_contact_at,
        contact: mapContactCadence(row),
      })),
      coolingContactsTotal: Number(cooling_total),
    };
  }

  /** One statement: the champions and top-team members slipping, those with nothing planned first. */
  async slipping(): Promise<SlippingPerson[]> {
    const rows = await this.dashboard.slipping();
    return rows.map((row) => ({
      stakeholder: mapCoalitionMember(row, 'person'),
      contact: mapContactCadence(row),
      reason: row.person_commitment === 'committed' || row.person_commitment === 'public_champion' ? 'champion' : 'top_team',
      nextPlannedOn: row.next_planned_on,
    }));
  }
}
