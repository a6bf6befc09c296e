import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountExport, SAVED_VIEWS_MAX, SavedView } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { auditableChanges, AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { DeletedItemsService } from '../deleted-items/deleted-items.service';
import { conflictWith, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateSavedViewDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import { mapSavedView, savedViewColumns } from './saved-view.mapper';
import { findAccount, SavedViewsRepository } from './saved-views.repository';

// A view's name and search are the user's own words (a search may hold a person's name): named, never copied.
const NO_SAFE_FIELDS = [] as const;
const auditFields = (view: SavedView): Record<string, unknown> => ({ name: view.name, filters: view.filters });

function sameName(existing: SavedView) {
  return conflictWith(`You already have a view called "${existing.name}". Choose another name, or update that one.`, { field: 'name', message: 'is already the name of one of your views' }, existing);
}

/** A user's saved views of the stakeholder list: their own, read and changed by them alone. */
@Injectable()
export class SavedViewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: SavedViewsRepository,
    private readonly audit: AuditService,
    private readonly deletedItems: DeletedItemsService,
  ) {}

  async list(actor: Actor): Promise<SavedView[]> {
    return (await this.views.listFor(actor.user.id)).map(mapSavedView);
  }

  async create(actor: Actor, input: CreateSavedViewDto): Promise<SavedView> {
    return this.dataSource.transaction(async (manager) => {
      await this.refuseSameName(manager, actor, input.name, null);
      const id = await this.views.insertWithin(manager, actor.user.id, SAVED_VIEWS_MAX, { name: input.name, ...savedViewColumns(input.filters) });
      if (!id) {
        throw conflictWith(`You have ${SAVED_VIEWS_MAX} saved views, as many as one account keeps. Delete one you no longer use first.`, { field: 'name', message: `you already have ${SAVED_VIEWS_MAX} views` }, null);
      }
      const created = await this.get(manager, actor, id);
      await this.record(actor, manager, 'saved_view.create', id, auditableChanges(null, auditFields(created), NO_SAFE_FIELDS));
      return created;
    });
  }

  async update(actor: Actor, id: string, version: number, input: UpdateSavedViewDto): Promise<SavedView> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.get(manager, actor, id, true);
      if (current.version !== version) throw versionConflict(current);
      if (input.name !== undefined) await this.refuseSameName(manager, actor, input.name, id);
      const changed = await this.views.updateIfVersion(manager, actor.user.id, id, version, {
        name: input.name,
        ...(input.filters ? savedViewColumns(input.filters) : {}),
      });
      if (!changed) throw versionConflict(await this.get(manager, actor, id));
      const updated = await this.get(manager, actor, id);
      await this.record(actor, manager, 'saved_view.update', id, auditableChanges(auditFields(current), auditFields(updated), NO_SAFE_FIELDS));
      return updated;
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.get(manager, actor, id, true);
      await this.deletedItems.hold(manager, actor, 'saved_view', id, current.name);
      await this.views.delete(manager, actor.user.id, id);
      const changes = auditableChanges(null, auditFields(current), NO_SAFE_FIELDS);
      await this.record(actor, manager, 'saved_view.delete', id, { before: changes.after, after: null });
    });
  }

  /** Everything held about the signed-in account: its details and its saved views (audited). */
  async exportAccount(actor: Actor): Promise<AccountExport> {
    return this.dataSource.transaction(async (manager) => {
      const account = await findAccount(manager, actor.user.id);
      if (!account) throw notFound('Account');
      const savedViews = (await this.views.listFor(actor.user.id)).map(mapSavedView);
      const heldForRestore = await this.deletedItems.ownedBy(actor.user.id, manager);
      await this.audit.record(
        actor,
        {
          action: 'account.export',
          entityType: 'user',
          entityId: actor.user.id,
          stakeholderId: null,
          before: null,
          after: { savedViews: savedViews.length, heldForRestore: heldForRestore.length },
        },
        manager,
      );
      return {
        exportedAt: new Date().toISOString(),
        account: { id: account.id, email: account.email, displayName: account.display_name, role: account.role, createdAt: account.created_at.toISOString() },
        savedViews,
        heldForRestore,
      };
    });
  }

  private async get(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<SavedView> {
    // Another account's view is "not found": whether it exists is not this caller's business.
    const row = await this.views.find(manager, actor.user.id, id, lock);
    if (!row) throw notFound('Saved view');
    return mapSavedView(row);
  }

  private async refuseSameName(manager: EntityManager, actor: Actor, name: string, exceptId: string | null): Promise<void> {
    const existing = await this.views.findByName(manager, actor.user.id, name, exceptId);
    if (existing) throw sameName(mapSavedView(existing));
  }

  private record(
    actor: Actor,
    manager: EntityManager,
    action: string,
    id: string,
    changes: { before: Record<string, unknown> | null; after: Record<string, unknown> | null },
  ): Promise<void> {
    return this.audit.record(actor, { action, entityType: 'saved_view', entityId: id, stakeholderId: null, ...changes }, manager);
  }
}
