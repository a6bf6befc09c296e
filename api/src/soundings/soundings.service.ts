import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConductedSoundings, Sounding } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { CommitmentRepository } from '../commitment/commitment.repository';
import { forbidden, invalidField, invalidFields, notFound, stakeholderErased, versionConflict } from '../errors/api-exceptions';
import { mapFear } from '../fears/fear.mapper';
import { FearsRepository } from '../fears/fears.repository';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';
import { StakeholdersRepository } from '../stakeholders/stakeholders.repository';
import { CreateSoundingDto, UpdateSoundingDto } from './dto/sounding.dto';
import { mapSounding } from './sounding.mapper';
import { SoundingRow, SoundingsRepository } from './soundings.repository';
import { linkProblems, SoundingLinks } from './sounding-links';
import { SoundingLinksRepository } from './sounding-links.repository';
import { auditableChanges, AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { ConfidentialView, mayReadConfidential } from '../confidentiality/confidential-view';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';

// Dates, level and flags are kept in the audit trail; the conversation's words never are.
const SOUNDING_AUDITABLE_FIELDS = ['heldOn', 'channel', 'commitmentAfter', 'followUpOn', 'confidential', 'conductedById'] as const;

function auditableSounding(fields: Partial<Record<string, unknown>>): Record<string, unknown> {
  return auditableChanges(null, fields as Record<string, unknown>, SOUNDING_AUDITABLE_FIELDS).after ?? {};
}

function rowFields(row: SoundingRow): Record<string, unknown> {
  return {
    heldOn: row.held_on,
    channel: row.channel,
    commitmentAfter: row.commitment_after,
    followUpOn: row.follow_up_on,
    confidential: row.confidential,
    conductedBy: row.conducted_by,
    conductedById: row.conducted_by_stakeholder_id,
    summary: row.summary,
    developmentalExperience: row.developmental_experience,
    benefitsSeen: row.benefits_seen,
    personalCost: row.personal_cost,
    prioritiesServed: row.priorities_served,
    nextStep: row.next_step,
    // What came up is part of the notes: the audit trail names these when they change, never what they hold.
    priorityIds: row.priorities.map((priority) => priority.id).sort(),
    narratives: row.narratives.map(({ narrative, response }) => `${narrative.id}:${response}`).sort(),
  };
}

/** The champion who held it must be someone on record other than the person sounded (an erased one the lock refused). */
function assertConductor(stakeholderId: string, conductedById: string | null | undefined, people: ReadonlyMap<string, unknown>): void {
  if (!conductedById) return;
  if (conductedById === stakeholderId) throw invalidField('conductedById', 'cannot be the person sounded: choose who held the conversation');
  if (!people.has(conductedById)) throw invalidField('conductedById', 'is not a known stakeholder');
}

export function assertFollowUpNotBeforeHeldOn(heldOn: string, followUpOn: string | null | undefined): void {
  if (followUpOn && followUpOn < heldOn) throw invalidField('followUpOn', `cannot be before the sounding itself (${heldOn})`);
}

@Injectable()
export class SoundingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly soundings: SoundingsRepository,
    private readonly fears: FearsRepository,
    private readonly stakeholders: StakeholdersRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly commitment: CommitmentRepository,
    private readonly audit: AuditService,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly links: SoundingLinksRepository,
  ) {}

  /**
   * Stores the sounding, its fears, what came up, the re-derived level and the audit entry in one
   * transaction: all or nothing. Two statements between BEGIN and COMMIT: one locks and reads what the
   * write checks, one writes everything and answers the sounding. A back-filled note adds the rebuild.
   */
  async log(actor: Actor, stakeholderId: string, input: CreateSoundingDto): Promise<Sounding> {
    assertFollowUpNotBeforeHeldOn(input.heldOn, input.followUpOn);
    const { fears = [], priorityIds, narratives, ...fields } = input;
    return this.dataSource.transaction(async (manager) => {
      const { people, targets } = await this.soundings.lockForNew(
        manager,
        [stakeholderId, ...(fields.conductedById && fields.conductedById !== stakeholderId ? [fields.conductedById] : [])],
        priorityIds ?? [],
        narratives?.map((reaction) => reaction.narrativeId) ?? [],
      );
      const erased = [...people.values()].filter((person) => person.erased_at !== null).map((person) => person.id);
      if (erased.length > 0) throw stakeholderErased(erased);
      if (!people.has(stakeholderId)) throw notFound('Stakeholder');
      assertConductor(stakeholderId, fields.conductedById, people);
      const problems = linkProblems({ priorityIds, narratives }, targets, new Set());
      if (problems.length > 0) throw invalidFields(problems);
      const { row, fears: fearRows, derived } = await this.soundings.insertLogged(manager, {
        stakeholderId,
        authorId: actor.user.id,
        fields,
        fears,
        priorityIds: priorityIds ?? [],
        narratives: narratives ?? [],
        audit: this.audit.entry(actor, {
          action: 'sounding.create',
          entityType: 'sounding',
          stakeholderId,
          after: {
            ...auditableSounding(fields),
            fearsVoiced: fears.length,
            prioritiesCited: priorityIds?.length ?? 0,
            narrativesCited: narratives?.length ?? 0,
          },
        }),
      });
      if (!derived) await this.commitment.rebuildFromEvidence(manager, stakeholderId);
      const view = this.confidentiality.echo(actor);
      return mapSounding(row, fearRows.map((fear) => mapFear(fear, view)), view);
    });
  }

  async listForStakeholder(actor: Actor, stakeholderId: string): Promise<Sounding[]> {
    if (!(await this.stakeholders.exists(stakeholderId))) throw notFound('Stakeholder');
    const rows = await this.soundings.forStakeholder(stakeholderId);
    const view = this.confidentiality.view(actor);
    const fears = (await this.fears.forSoundings(rows.map((row) => row.id))).map((row) => mapFear(row, view));
    const soundings = rows.map((row) => mapSounding(row, fears, view));
    await this.confidentiality.record(view);
    return soundings;
  }

  /** The soundings a champion held with others; who and when only, so it shows no one's words. */
  async conductedBy(stakeholderId: string): Promise<ConductedSoundings> {
    if (!(await this.stakeholders.exists(stakeholderId))) throw notFound('Stakeholder');
    return this.soundings.conductedBy(stakeholderId);
  }

  async get(actor: Actor, id: string): Promise<Sounding> {
    const view = this.confidentiality.view(actor);
    const sounding = await this.load(view, id, this.dataSource.manager);
    await this.confidentiality.record(view);
    return sounding;
  }

  /** Corrects a sounding; a new date or level re-derives the person's path. */
  async update(actor: Actor, id: string, version: number, input: UpdateSoundingDto): Promise<Sounding> {
    const { version: _version, priorityIds, narratives, ...changes } = input;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.soundings.findById(id, manager);
      if (!current) throw notFound('Sounding');
      if (current.confidential && !mayReadConfidential(actor, current.author_id)) {
        throw forbidden('Only its author or an admin can change a confidential sounding.');
      }
      const newConductor = changes.conductedById && changes.conductedById !== current.conducted_by_stakeholder_id && changes.conductedById !== current.stakeholder_id;
      const people = await this.writeLock.lock(manager, [current.stakeholder_id, newConductor ? changes.conductedById : null]);
      if (!people.has(current.stakeholder_id)) throw notFound('Stakeholder');
      if (changes.conductedById !== current.conducted_by_stakeholder_id) assertConductor(current.stakeholder_id, changes.conductedById, people);
      assertFollowUpNotBeforeHeldOn(changes.heldOn ?? current.held_on, changes.followUpOn !== undefined ? changes.followUpOn : current.follow_up_on);
      if (changes.heldOn && changes.heldOn > current.held_on) {
        // Its fears move with it, and a fear cannot be voiced after it was resolved.
        const resolvedOn = await this.fears.earliestResolvedOn(manager, id);
        if (resolvedOn && resolvedOn < changes.heldOn) {
          throw invalidField('heldOn', `cannot be after ${resolvedOn}, when a fear voiced in this sounding was resolved`);
        }
      }
      await this.checkLinks(manager, { priorityIds, narratives }, narratives ? await this.links.narrativeIds(manager, id) : new Set());
      const linksAdded = (priorityIds?.length ?? 0) + (narratives?.length ?? 0) > 0;
      if (!(await this.soundings.updateIfVersion(manager, id, version, changes, linksAdded))) {
        throw versionConflict(await this.load(this.confidentiality.echo(actor), id, manager));
      }
      await this.writeLinks(manager, id, { priorityIds, narratives }, false);
      if (changes.heldOn && changes.heldOn !== current.held_on) await this.fears.moveVoicedDate(manager, id, changes.heldOn);
      await this.commitment.rebuildFromEvidence(manager, current.stakeholder_id);
      const updated = (await this.soundings.findById(id, manager))!;
      await this.audit.record(
        actor,
        {
          action: 'sounding.update',
          entityType: 'sounding',
          entityId: id,
          stakeholderId: current.stakeholder_id,
          ...auditableChanges(rowFields(current), rowFields(updated), SOUNDING_AUDITABLE_FIELDS),
        },
        manager,
      );
      return this.load(this.confidentiality.echo(actor), id, manager);
    });
  }

  /** 400 naming each priority or narrative that cannot be recorded; `kept`: narratives the sounding records now. */
  private async checkLinks(manager: EntityManager, links: SoundingLinks, kept: ReadonlySet<string>): Promise<void> {
    if (!links.priorityIds?.length && !links.narratives?.length) return;
    const targets = await this.links.targets(manager, links.priorityIds ?? [], links.narratives?.map((reaction) => reaction.narrativeId) ?? []);
    const problems = linkProblems(links, targets, kept);
    if (problems.length > 0) throw invalidFields(problems);
  }

  /** Each list sent replaces the one on record; a list left out stays as it is. */
  private async writeLinks(manager: EntityManager, soundingId: string, links: SoundingLinks, isNew: boolean): Promise<void> {
    if (links.priorityIds) await this.links.replacePriorities(manager, soundingId, links.priorityIds, isNew);
    if (links.narratives) await this.links.replaceNarratives(manager, soundingId, links.narratives, isNew);
  }

  private async load(view: ConfidentialView, id: string, manager: EntityManager): Promise<Sounding> {
    const row = await this.soundings.findById(id, manager);
    if (!row) throw notFound('Sounding');
    const fears = (await this.fears.forSoundings([id], manager)).map((fear) => mapFear(fear, view));
    return mapSounding(row, fears, view);
  }
}
