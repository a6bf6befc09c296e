import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERASED_PERSON_NAME, ErasureResult } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { notFound } from '../errors/api-exceptions';
import { stakeholderSearchText } from '../stakeholders/search-text';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { ErasureRepository } from './erasure.repository';

/** What replaces their name or email where someone wrote it in another person's notes. */
const MENTION_REPLACEMENT = `[${ERASED_PERSON_NAME.toLowerCase()}]`;

/**
 * The strings to remove from other records: their email, and their name when it can only mean them.
 * A single short word ("Al", "Bea") would also wipe out every other person it names, so it is left.
 */
export function mentionsToRemove(person: { name: string; email: string | null }): string[] {
  const name = person.name.trim();
  const email = person.email?.trim() ?? '';
  return [...(name.includes(' ') || name.length >= 5 ? [name] : []), ...(email ? [email] : [])];
}

@Injectable()
export class ErasureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly erasure: ErasureRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  /**
   * Removes a person's personal data from every table in one transaction: their details, the words of
   * their soundings, fears and level changes, the evidence recorded for the champion tests about them, the briefs and outcomes
   * of briefings they give or receive, their reporting links, influence links and relationships (with them or held by them), what they were told to expect
   * (and their name as the teller of other people's expectations), their name as the one who held other people's soundings, their ownership of business priorities (the priority is the function's and stays),
   * the pilots they asked proof of (the pilots they sponsored stay, without a sponsor), their involvement in initiatives (an initiative they owned
   * stays, without an owner),
   * deleted records held for restore that name or mention them, and mentions of their name or email in other records (notes, briefings, meeting titles and purposes, other people's
   * influence links, relationships, champion evidence, pilots' names, scopes and results). What stays is anonymous: role, levels, dates, meeting
   * attendance and counts, so the dashboard still adds up. The audit trail never held their details,
   * so its chain stays intact; the erasure's own entry carries counts only.
   */
  async erase(actor: Actor, id: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      // Erased once is erased: a second run would hunt for "Erased person" in everyone's notes.
      await this.writeLock.lockOne(manager, id);
      const person = await this.erasure.lock(manager, id);
      if (!person) throw notFound('Stakeholder');
      const erasedAt = await this.erasure.eraseDetails(manager, id, ERASED_PERSON_NAME, stakeholderSearchText({ name: ERASED_PERSON_NAME }));
      const counts = {
        soundings: await this.erasure.eraseSoundings(manager, id),
        fears: await this.erasure.eraseFears(manager, id),
        levelChangeReasons: await this.erasure.eraseLevelChangeReasons(manager, id),
        briefings: await this.erasure.eraseBriefingTexts(manager, id),
        reportingLinksRemoved: await this.erasure.detachReports(manager, id),
        influencesRemoved: await this.erasure.deleteInfluences(manager, id),
        relationshipsRemoved: await this.erasure.deleteRelationships(manager, id),
        // Before the mentions: their own evidence goes whole, so it is not counted as a mention replaced.
        championEvidence: await this.erasure.deleteChampionEvidence(manager, id),
        timingWindowsRemoved: await this.erasure.deleteTimingWindows(manager, id),
        expectationsRemoved: await this.erasure.deleteExpectations(manager, id),
        expectationTellersCleared: await this.erasure.clearExpectationTeller(manager, id),
        soundingsConductedCleared: await this.erasure.clearSoundingConductor(manager, id),
        prioritiesUnowned: await this.erasure.releasePriorities(manager, id),
        pilotsSponsored: await this.erasure.clearPilotSponsor(manager, id),
        pilotProofAsks: await this.erasure.deletePilotProofAsks(manager, id),
        initiativesOwnerCleared: await this.erasure.clearInitiativeOwner(manager, id),
        initiativeInvolvementRemoved: await this.erasure.deleteInitiativeInvolvement(manager, id),
        mentionsRemoved: await this.erasure.removeMentions(manager, mentionsToRemove(person), MENTION_REPLACEMENT),
        // Erasure is immediate: nothing held for restore may bring them back.
        heldForRestoreRemoved: await this.deletedItems.removeConcerning(manager, id, mentionsToRemove(person)),
      };
      await this.audit.record(actor, { action: 'stakeholder.erase', entityType: 'stakeholder', entityId: id, stakeholderId: id, after: counts }, manager);
      return { stakeholderId: id, erasedAt: erasedAt.toISOString(), name: ERASED_PERSON_NAME, ...counts };
    });
  }
}
