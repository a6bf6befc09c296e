import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RetentionRun } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import { AUTH_CONFIG } from '../auth/auth.config';
import type { AuthConfig } from '../auth/auth.config';
import { PasswordResetsRepository } from '../auth/password-resets.repository';
import { SessionsRepository } from '../auth/sessions.repository';
import { RequestCountersRepository } from '../rate-limits/request-counters.repository';
import { SettingsRepository } from '../settings/settings.repository';
import { RetentionRepository } from './retention.repository';

const NOT_RUN: RetentionRun = { ran: false, cutoff: null, soundings: 0, fears: 0, championEvidence: 0, relationshipNotes: 0, timingWindowNotes: 0, expectations: 0 };

/** What the hourly pruning removed; `ran` is false when another instance held the job's lock. */
export interface PrunedRecords {
  ran: boolean;
  sessions: number;
  resetLinks: number;
  rateLimitWindows: number;
  failedSignIns: number;
  /** Deleted records whose 30 days for restore were over, gone for good. */
  deletedItems: number;
}

function countBy(rows: { stakeholder_id: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.stakeholder_id, (counts.get(row.stakeholder_id) ?? 0) + 1);
  return counts;
}

/**
 * The retention rule: once an admin sets `redactSoundingsAfterMonths`, soundings held longer ago lose
 * their words, and so do the fears voiced in them, champion evidence seen before then and relationship notes left
 * unchanged as long, the notes of timing windows that ended before then, and what people were told to expect before then and nobody changed since; dates, levels, categories, qualities and counts stay, so the
 * dashboard and every person's path are unchanged.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly settings: SettingsRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
    private readonly resetLinks: PasswordResetsRepository,
    private readonly requestCounters: RequestCountersRepository,
    @Inject(AUTH_CONFIG) private readonly authConfig: AuthConfig,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  /**
   * Deletes records that only ever mattered for a while and still say who was where: ended sessions
   * (with their client address and user agent), used or expired reset links, ended rate-limit
   * windows and day-old failed sign-ins, and deleted records past their 30 days for restore. Hourly, under the retention job's lock; not audited, as
   * nothing anyone wrote is removed (each deleted record that goes has its own entry).
   */
  pruneExpired(): Promise<PrunedRecords> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.retention.tryLock(manager))) return { ran: false, sessions: 0, resetLinks: 0, rateLimitWindows: 0, failedSignIns: 0, deletedItems: 0 };
      const sessions = await this.sessions.deleteExpired(manager, this.authConfig.sessionIdleSeconds);
      const resetLinks = await this.resetLinks.pruneSpent(manager);
      const { windows: rateLimitWindows, failedSignIns } = await this.requestCounters.pruneExpired(manager);
      // Audited one by one: unlike the rest, these are records someone wrote.
      const deletedItems = await this.deletedItems.purgeExpired(manager);
      return { ran: true, sessions, resetLinks, rateLimitWindows, failedSignIns, deletedItems };
    });
  }

  /** Applies the rule now, whenever it last ran. */
  removeExpiredText(): Promise<RetentionRun> {
    return this.run(false);
  }

  /** The daily job: applies the rule unless some instance already did in the last day. */
  runIfDue(): Promise<RetentionRun> {
    return this.run(true);
  }

  private run(onlyIfDue: boolean): Promise<RetentionRun> {
    return this.dataSource.transaction(async (manager) => {
      // Several instances may wake at once: one runs, the rest find the lock taken and skip.
      if (!(await this.retention.tryLock(manager))) return NOT_RUN;
      if (onlyIfDue && !(await this.retention.isDue(manager))) return NOT_RUN;
      const months = (await this.settings.get(manager)).redact_soundings_after_months;
      if (months === null) return NOT_RUN;

      const cutoff = await this.retention.cutoff(manager, months);
      const soundings = countBy(await this.retention.removeSoundingText(manager, cutoff));
      const fears = countBy(await this.retention.removeFearText(manager, cutoff));
      const championEvidence = countBy(await this.retention.removeChampionEvidenceText(manager, cutoff));
      const relationshipNotes = countBy(await this.retention.removeRelationshipNotes(manager, cutoff));
      const timingWindowNotes = countBy(await this.retention.removeTimingWindowNotes(manager, cutoff));
      const expectations = countBy(await this.retention.removeExpectationText(manager, cutoff));
      const people = [soundings, fears, championEvidence, relationshipNotes, timingWindowNotes, expectations].flatMap((counts) => [...counts.keys()]);
      for (const stakeholderId of new Set(people)) {
        await this.audit.record(
          null,
          {
            action: 'retention.remove_text',
            entityType: 'stakeholder',
            entityId: stakeholderId,
            stakeholderId,
            after: {
              months,
              cutoff,
              soundings: soundings.get(stakeholderId) ?? 0,
              fears: fears.get(stakeholderId) ?? 0,
              championEvidence: championEvidence.get(stakeholderId) ?? 0,
              relationshipNotes: relationshipNotes.get(stakeholderId) ?? 0,
              timingWindowNotes: timingWindowNotes.get(stakeholderId) ?? 0,
              expectations: expectations.get(stakeholderId) ?? 0,
            },
          },
          manager,
        );
      }
      await this.settings.markRetentionRun(manager);
      const total = (counts: Map<string, number>) => [...counts.values()].reduce((sum, n) => sum + n, 0);
      return {
        ran: true,
        cutoff,
        soundings: total(soundings),
        fears: total(fears),
        championEvidence: total(championEvidence),
        relationshipNotes: total(relationshipNotes),
        timingWindowNotes: total(timingWindowNotes),
        expectations: total(expectations),
      };
    });
  }
}
