import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationCalendar } from '../cadence/organisation-calendar';
import { Fear, FearStatus, Page } from '@soundings/shared';
import { pageOf } from '../common/pagination.dto';
import { auditableChanges, AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { ConfidentialityPolicy } from '../confidentiality/confidentiality.policy';
import { forbidden, invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { ListFearsDto, UpdateFearDto } from './dto/fear.dto';
import { mapFear } from './fear.mapper';
import { FearChanges, FearsRepository } from './fears.repository';
import { StakeholderWriteLock } from '../stakeholders/stakeholder-write-lock';

/**
 * Keeps status and resolution date consistent: resolving stamps today unless a date is given;
 * re-opening clears the date; a date cannot be set on an unresolved fear.
 */
export function resolveFearChanges(current: { status: FearStatus; voicedOn: string }, input: UpdateFearDto, today: string): FearChanges {
  const { version: _version, ...changes } = input;
  const status = input.status ?? current.status;
  if (status === 'resolved') {
    const resolvedOn = input.resolvedOn ?? (current.status === 'resolved' ? undefined : today);
    if (input.resolvedOn === null) throw invalidField('resolvedOn', 'is required while the fear is resolved');
    if (resolvedOn && resolvedOn < current.voicedOn) throw invalidField('resolvedOn', `cannot be before the fear was voiced (${current.voicedOn})`);
    return { ...changes, resolvedOn };
  }
  if (input.resolvedOn) throw invalidField('resolvedOn', 'can only be set when the status is resolved');
  return { ...changes, resolvedOn: current.status === 'resolved' ? null : undefined };
}

function fearAuditFields(fear: Fear): Record<string, unknown> {
  const { statement, category, status, response, owner, resolvedOn } = fear;
  return { statement, category, status, response, owner, resolvedOn };
}

@Injectable()
export class FearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fears: FearsRepository,
    private readonly writeLock: StakeholderWriteLock,
    private readonly audit: AuditService,
    private readonly confidentiality: ConfidentialityPolicy,
    private readonly calendar: OrganisationCalendar,
  ) {}

  async list(actor: Actor, query: ListFearsDto): Promise<Page<Fear>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total, totalIsEstimate } = await this.fears.list(query, page, pageSize);
    const view = this.confidentiality.view(actor);
    const items = rows.map((row) => mapFear(row, view));
    await this.confidentiality.record(view);
    return { items, total, totalIsEstimate, page, pageSize };
  }

  async get(actor: Actor, id: string): Promise<Fear> {
    const view = this.confidentiality.view(actor);
    const fear = await this.load(view, id);
    await this.confidentiality.record(view);
    return fear;
  }

  private async load(view: ConfidentialView, id: string): Promise<Fear> {
    const row = await this.fears.findById(id);
    if (!row) throw notFound('Fear');
    return mapFear(row, view);
  }

  async update(actor: Actor, id: string, version: number, input: UpdateFearDto): Promise<Fear> {
    const view = this.confidentiality.echo(actor);
    const current = await this.load(view, id);
    if (current.redacted) throw forbidden('Only the author of the confidential sounding or an admin can change this fear.');
    const changes = resolveFearChanges(current, input, await this.calendar.today());
    return this.dataSource.transaction(async (manager) => {
      await this.writeLock.lockOne(manager, current.stakeholder.id);
      if (!(await this.fears.updateIfVersion(manager, id, version, changes))) {
        const latest = await this.fears.findById(id, manager);
        if (!latest) throw notFound('Fear');
        throw versionConflict(mapFear(latest, view));
      }
      const updated = mapFear((await this.fears.findById(id, manager))!, view);
      await this.audit.record(
        actor,
        {
          action: 'fear.update',
          entityType: 'fear',
          entityId: id,
          stakeholderId: updated.stakeholder.id,
          // A fear's words and the response are notes: only status, category and dates are kept.
          ...auditableChanges(fearAuditFields(current), fearAuditFields(updated), ['status', 'category', 'resolvedOn']),
        },
        manager,
      );
      return updated;
    });
  }
}
