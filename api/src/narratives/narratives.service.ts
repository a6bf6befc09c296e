import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Narrative, NarrativeResonance } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import type { Actor } from '../auth/actor';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { conflictWith, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateNarrativeDto, UpdateNarrativeDto } from './dto/narrative.dto';
import { mapNarrative } from './narrative.mapper';
import { buildResonance } from './narrative-resonance';
import { NarrativesRepository } from './narratives.repository';

// A narrative is the organisation's, not a note about anyone: its title and state are kept in the audit
// trail; its description is named only.
const NARRATIVE_AUDITABLE_FIELDS = ['title', 'archived'] as const;

const auditFields = (narrative: Narrative): Record<string, unknown> => ({
  title: narrative.title,
  description: narrative.description,
  archived: narrative.archived,
});

function sameTitle(existing: Narrative) {
  return conflictWith(
    `There is already a narrative called "${existing.title}"${existing.archived ? ' (archived: restore it instead)' : ''}.`,
    { field: 'title', message: 'is already the title of another narrative' },
    existing,
  );
}

function stillCited(narrative: Narrative, soundings: number) {
  return conflictWith(
    `"${narrative.title}" is recorded in ${soundings} sounding${soundings === 1 ? '' : 's'}. Archive it instead: it is then no longer offered, and nothing already recorded is lost.`,
    { field: 'archived', message: 'set it to true instead of deleting a narrative soundings cite' },
    narrative,
  );
}

@Injectable()
export class NarrativesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly narratives: NarrativesRepository,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
    private readonly confidentiality: ConfidentialityPolicy,
  ) {}

  async list(): Promise<Narrative[]> {
    return (await this.narratives.list()).map(mapNarrative);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<Narrative> {
    const row = await this.narratives.findById(id, manager, lock);
    if (!row) throw notFound('Narrative');
    return mapNarrative(row);
  }

  async create(actor: Actor, input: CreateNarrativeDto): Promise<Narrative> {
    return this.dataSource.transaction(async (manager) => {
      await this.refuseSameTitle(manager, input.title);
      const created = await this.get(await this.narratives.insert(manager, input), manager);
      await this.record(actor, manager, 'narrative.create', created, auditableChanges(null, auditFields(created), NARRATIVE_AUDITABLE_FIELDS));
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateNarrativeDto): Promise<Narrative> {
    const { version: _version, ...changes } = input;
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(id, manager, true);
      if (current.version !== version) throw versionConflict(current);
      if (changes.title !== undefined) await this.refuseSameTitle(manager, changes.title, id);
      if (!(await this.narratives.updateIfVersion(manager, id, version, changes))) throw versionConflict(await this.get(id, manager));
      const updated = await this.get(id, manager);
      await this.record(actor, manager, 'narrative.update', updated, auditableChanges(auditFields(current), auditFields(updated), NARRATIVE_AUDITABLE_FIELDS));
      return updated;
    });
  }

  /** Only a narrative no sounding cites: deleting one that is cited would take words out of people's notes. */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const existing = await this.get(id, manager, true);
      const soundings = await this.narratives.citations(manager, id);
      if (soundings > 0) throw stillCited(existing, soundings);
      await this.deletedItems.hold(manager, actor, 'narrative', id, existing.title);
      await this.narratives.delete(manager, id);
      const changes = auditableChanges(null, auditFields(existing), NARRATIVE_AUDITABLE_FIELDS);
      await this.record(actor, manager, 'narrative.delete', existing, { before: changes.after, after: null });
    });
  }

  /** Two statements whatever the campaign's size: the top team, and every narrative with each member's latest reaction. */
  async resonance(actor: Actor): Promise<NarrativeResonance> {
    const [memberRows, rows] = await Promise.all([this.narratives.topTeam(), this.narratives.resonance(actor.user.role === 'admin', actor.user.id)]);
    const view = this.confidentiality.view(actor);
    const resonance = buildResonance(
      memberRows.map((row) => mapCoalitionMember(row, 'member')),
      rows,
      view,
    );
    await this.confidentiality.record(view);
    return resonance;
  }

  private async refuseSameTitle(manager: EntityManager, title: string, exceptId: string | null = null): Promise<void> {
    const existing = await this.narratives.findByTitle(manager, title, exceptId);
    if (existing) throw sameTitle(mapNarrative(existing));
  }

  private record(
    actor: Actor,
    manager: EntityManager,
    action: string,
    narrative: Narrative,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
  ): Promise<void> {
    return this.audit.record(actor, { action, entityType: 'narrative', entityId: narrative.id, stakeholderId: null, ...changes }, manager);
  }
}
