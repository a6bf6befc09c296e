import { ConflictException, HttpStatus, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiErrorBody, DELETED_ITEM_KIND_LABELS, DeletedItemKind, DeletedItemPage, ERROR_CODES, HeldForRestore, RestoredItem, SAVED_VIEWS_MAX } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { LastContactRepository } from '../cadence/last-contact.repository';
import { PageQueryDto, pageOf } from '../common/pagination.dto';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { forbidden, notFound } from '../errors/api-exceptions';
import { mapDeletedItem, withheldRowsFor } from './deleted-item.mapper';
import { DeletedItemRow, DeletedItemsRepository, ROOT_TABLE_OF, Snapshot } from './deleted-items.repository';

/** The audit trail's name for each kind, as its delete entry says it, so a restore reads next to its delete. */
const AUDIT_ENTITY_OF: Partial<Record<DeletedItemKind, string>> = { proof_point: 'pilot_proof_point' };
const auditEntity = (kind: DeletedItemKind): string => AUDIT_ENTITY_OF[kind] ?? kind;

/** Kinds that belong to the account that deleted them: held for it alone, as they were only ever its own. */
const OWN_KINDS: ReadonlySet<DeletedItemKind> = new Set(['saved_view']);

/** How a restore names the record whose absence stops it. */
const MISSING: Record<string, string> = {
  stakeholders: 'a person it names',
  meetings: 'its meeting',
  pilots: 'its pilot',
  pilot_proof_points: 'the proof point it names',
  priorities: 'a business priority it names',
  narratives: 'a narrative it names',
  soundings: 'a sounding it belongs to',
  briefings: 'its briefing',
  initiatives: 'its initiative',
  users: 'an account it names',
};

function restoreConflict(message: string): ConflictException {
  return new ConflictException({ statusCode: HttpStatus.CONFLICT, error: 'Conflict', code: ERROR_CODES.restoreConflict, message } satisfies ApiErrorBody);
}

/** A database refusal during a restore, in words the person restoring can act on; null for anything else. */
export function explainRestoreFailure(kind: DeletedItemKind, error: unknown): ConflictException | null {
  const failure = error as { code?: string; detail?: string; driverError?: { code?: string; detail?: string } };
  const code = failure.driverError?.code ?? failure.code;
  const detail = failure.driverError?.detail ?? failure.detail ?? '';
  const what = `This ${DELETED_ITEM_KIND_LABELS[kind].toLowerCase()} cannot be restored`;
  if (code === '23503') {
    const table = /table "([^"]+)"/.exec(detail)?.[1] ?? '';
    return restoreConflict(`${what}: ${MISSING[table] ?? 'something it belongs to'} has been deleted since. Restore that first, if it can be.`);
  }
  if (code === '23505') {
    const taken = /\)=\((.*)\) already exists/.exec(detail)?.[1];
    return restoreConflict(`${what}: another record now holds its place${taken ? ` (${taken})` : ''}. Rename or delete that one first.`);
  }
  if (code === '23514' || code === '23P01') return restoreConflict(`${what}: it no longer fits the records around it.`);
  return null;
}

/**
 * Whether this caller may restore or purge the item. Another account's own item is "not found" (as its saved
 * views are); the organisation's records are for those who may delete them.
 */
function refuseUnlessMayHandle(actor: Actor, item: DeletedItemRow): void {
  if (item.owner_id) {
    if (item.owner_id !== actor.user.id) throw notFound('Deleted item');
    return;
  }
  if (actor.user.role === 'viewer') throw forbidden('Only practitioners and admins, who may delete, restore what was deleted.');
}

/** The people a snapshot names: every column that points at a stakeholder, and the stakeholders held. */
async function peopleIn(snapshot: Snapshot, columnsOf: (table: string) => Promise<string[]>): Promise<string[]> {
  const people = new Set<string>();
  for (const [table, rows] of Object.entries(snapshot.rows)) {
    const columns = await columnsOf(table);
    for (const row of rows) for (const column of columns) if (typeof row[column] === 'string') people.add(row[column] as string);
  }
  for (const link of snapshot.links) if (link.table === 'stakeholders') for (const row of link.rows) people.add(row.id as string);
  return [...people];
}

/**
 * Undo for deletions: every delete holds what it removed (with everything that went with it) for 30
 * days, so it can be put back as it was; after that, or when the person is erased, it is gone for good.
 */
@Injectable()
export class DeletedItemsService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeletedItemsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly deletedItems: DeletedItemsRepository,
    private readonly lastContact: LastContactRepository,
    private readonly audit: AuditService,
  ) {}

  /** Reads the schema at start, so the first delete runs the same statements as every other. */
  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.deletedItems.loadCatalog();
    } catch (error) {
      this.logger.warn(`Schema not read at start; the first delete will read it: ${(error as Error).message}`);
    }
  }

  /**
   * Call in the delete's transaction, after its locks and before the DELETE: holds the row and all
   * that its delete takes. Does nothing when there is no such row (the delete then answers 404).
   */
  async hold(manager: EntityManager, actor: Actor, kind: DeletedItemKind, id: string, label?: string, aboutStakeholderId?: string): Promise<void> {
    const root = ROOT_TABLE_OF[kind];
    const snapshot = await this.deletedItems.snapshot(manager, root, id);
    const row = snapshot.rows[root]?.[0];
    if (!row) return;
    const stakeholderIds = await peopleIn(snapshot, (table) => this.deletedItems.stakeholderColumns(table));
    const about = aboutStakeholderId ? await this.deletedItems.stakeholderName(manager, aboutStakeholderId) : null;
    const named = [label ?? String(row.name ?? row.title ?? DELETED_ITEM_KIND_LABELS[kind]), about].filter(Boolean).join(' · ');
    const ownerId = OWN_KINDS.has(kind) ? actor.user.id : null;
    await this.deletedItems.hold(manager, { id, kind, label: named.slice(0, 300), snapshot, stakeholderIds, ownerId, deletedBy: actor.user.id });
  }

  async list(actor: Actor, query: PageQueryDto): Promise<DeletedItemPage> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.deletedItems.list(actor.user.id, page, pageSize);
    return { items: rows.map(mapDeletedItem), total, totalIsEstimate: false, page, pageSize };
  }

  /** Puts it back as it was, in one transaction; 409 saying why when the records around it no longer allow it. */
  async restore(actor: Actor, id: string): Promise<RestoredItem> {
    let kind: DeletedItemKind | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const item = await this.deletedItems.lock(manager, id);
        if (!item?.snapshot) throw notFound('Deleted item');
        refuseUnlessMayHandle(actor, item);
        kind = item.kind;
        // The cap on saved views holds for a restored one as for a new one.
        if (item.kind === 'saved_view' && item.owner_id && (await this.deletedItems.savedViewCount(manager, item.owner_id)) >= SAVED_VIEWS_MAX) {
          throw restoreConflict(`This saved view cannot be restored: you have ${SAVED_VIEWS_MAX} saved views, as many as one account keeps. Delete one you no longer use first.`);
        }
        const records = await this.deletedItems.putBack(manager, item.snapshot);
        await this.deletedItems.remove(manager, id);
        // Last contact is derived from meetings, briefings and initiatives: bring it back in line.
        await this.lastContact.refresh(manager, item.stakeholder_ids);
        if ((item.snapshot.rows.briefings ?? []).some((briefing) => briefing.audience_is_top_team === true)) await this.lastContact.refreshTopTeam(manager);
        await this.audit.record(
          actor,
          { action: `${auditEntity(item.kind)}.restore`, entityType: auditEntity(item.kind), entityId: id, stakeholderId: item.stakeholder_ids[0] ?? null, after: { records } },
          manager,
        );
        return { id, kind: item.kind, label: item.label, records };
      });
    } catch (error) {
      throw (kind && explainRestoreFailure(kind, error)) || error;
    }
  }

  /** Gone for good now, before its 30 days are over. */
  async purge(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.deletedItems.lock(manager, id);
      if (!item) throw notFound('Deleted item');
      refuseUnlessMayHandle(actor, item);
      await this.deletedItems.remove(manager, id);
      await this.recordPurge(actor, manager, item, 'asked');
    });
  }

  /** Everything whose 30 days are over, gone for good (the retention job's hourly run); returns how many. */
  async purgeExpired(manager: EntityManager): Promise<number> {
    const purged = await this.deletedItems.purgeExpired(manager);
    for (const item of purged) await this.recordPurge(null, manager, item, 'expired');
    return purged.length;
  }

  /** For erasure: nothing held may bring the person, or their name in others' words, back. */
  removeConcerning(manager: EntityManager, stakeholderId: string, mentions: string[]): Promise<number> {
    return this.deletedItems.removeConcerning(manager, stakeholderId, mentions);
  }

  /** For the account's own export: its deleted saved views still held, with their rows as stored. */
  async ownedBy(userId: string, manager?: EntityManager): Promise<HeldForRestore[]> {
    const rows = await this.deletedItems.ownedBy(userId, manager);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: row.label,
      deletedAt: row.deleted_at.toISOString(),
      purgeAfter: row.purge_after.toISOString(),
      records: row.snapshot?.rows ?? {},
    }));
  }

  /** For the subject-access export: the held rows that name the person, through the confidentiality view. */
  async concerning(view: ConfidentialView, stakeholderId: string): Promise<HeldForRestore[]> {
    const rows = await this.deletedItems.concerning(stakeholderId);
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      label: row.label,
      deletedAt: row.deleted_at.toISOString(),
      purgeAfter: row.purge_after.toISOString(),
      records: withheldRowsFor(view, row.snapshot?.rows ?? {}),
    }));
  }

  private recordPurge(actor: Actor | null, manager: EntityManager, item: { id: string; kind: DeletedItemKind; stakeholder_ids: string[] }, reason: 'asked' | 'expired') {
    // Kind and id only: the trail never holds what the records said.
    return this.audit.record(
      actor,
      { action: 'deleted_item.purge', entityType: auditEntity(item.kind), entityId: item.id, stakeholderId: item.stakeholder_ids[0] ?? null, after: { reason } },
      manager,
    );
  }
}
