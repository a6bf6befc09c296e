import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuditEntry, AuditVerification, Page } from '@soundings/shared';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { pageOf } from '../common/pagination.dto';
import { AuditRecord, AuditRepository, NamedAuditRow } from './audit.repository';
import { ListAuditDto } from './dto/list-audit.dto';

function mapAuditEntry(row: NamedAuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor_id ? { id: row.actor_id, email: row.actor_email ?? '', name: row.actor_name } : null,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    stakeholderId: row.stakeholder_id,
    stakeholderName: row.stakeholder_name,
    names: row.names ?? {},
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    clientAddress: row.client_address,
  };
}

export type AuditEvent = Omit<AuditRecord, 'actorId' | 'actorEmail' | 'requestId' | 'clientAddress'>;

@Injectable()
export class AuditService implements OnApplicationBootstrap {
  constructor(private readonly audit: AuditRepository) {}

  /** Refuses to start with a key other than the one the trail was written with. */
  onApplicationBootstrap(): Promise<void> {
    return this.audit.claimKey();
  }

  /** Records what `actor` did; inside the caller's transaction when a manager is given. */
  record(actor: Actor | null, event: AuditEvent, manager?: EntityManager, anonymous?: { requestId: string; clientAddress: string }): Promise<void> {
    return this.audit.append(
      {
        ...event,
        actorId: actor?.user.id ?? null,
        actorEmail: actor?.user.email ?? null,
        requestId: actor?.requestId ?? anonymous?.requestId ?? null,
        clientAddress: actor?.clientAddress ?? anonymous?.clientAddress ?? null,
      },
      manager,
    );
  }

  async list(query: ListAuditDto): Promise<Page<AuditEntry>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.audit.list(query, page, pageSize);
    return { items: rows.map(mapAuditEntry), total, totalIsEstimate: false, page, pageSize };
  }

  /** Every entry about one person, oldest first (for their export). */
  async forStakeholder(stakeholderId: string): Promise<AuditEntry[]> {
    return (await this.audit.forStakeholder(stakeholderId)).map(mapAuditEntry);
  }

  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}

/**
 * The audit trail never copies notes or personal details: it keeps the values of fields that are
 * neither, and only the names of those that changed among the rest.
 */
export function auditableChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  safeFields: readonly string[],
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const pick = (source: Record<string, unknown> | null) => {
    if (!source) return null;
    const safe: Record<string, unknown> = {};
    for (const field of safeFields) if (field in source) safe[field] = source[field];
    return safe;
  };
  const changedPrivate = Object.keys({ ...(before ?? {}), ...(after ?? {}) }).filter(
    (field) => !safeFields.includes(field) && JSON.stringify(before?.[field]) !== JSON.stringify(after?.[field]),
  );
  const afterSafe = pick(after);
  return {
    before: pick(before),
    after: afterSafe || changedPrivate.length ? { ...(afterSafe ?? {}), ...(changedPrivate.length ? { changedFields: changedPrivate.sort() } : {}) } : null,
  };
}
