import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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

/** How often the sealer chains new entries; 0 seals only on demand (before the trail is verified or read). */
function sealInterval(): number {
  const value = Number(process.env.AUDIT_SEAL_INTERVAL_MS ?? 200);
  return Number.isFinite(value) && value >= 0 ? value : 200;
}

@Injectable()
export class AuditService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditSealer');
  private timer: NodeJS.Timeout | undefined;
  private sealing: Promise<unknown> = Promise.resolve();

  constructor(private readonly audit: AuditRepository) {}

  /** Refuses to start with a key other than the one the trail was written with; then keeps sealing. */
  async onApplicationBootstrap(): Promise<void> {
    await this.audit.claimKey();
    await this.seal();
    const interval = sealInterval();
    if (interval > 0) {
      this.timer = setInterval(() => {
        // The timer skips a round while another instance is sealing; an outage is retried next round.
        this.sealing = this.audit.seal(false).catch((error: Error) => this.logger.warn(`sealing the audit trail failed: ${error.message}`));
      }, interval);
      this.timer.unref();
    }
  }

  /** Before the database connection closes, so a round under way finishes instead of being cut off. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sealing;
  }

  /** Chains every entry committed so far: before the trail is verified, listed or exported. */
  seal(): Promise<number> {
    return this.audit.seal(true);
  }

  /** The entry recording what `actor` did, for a write that appends it in its own statement. */
  entry(actor: Actor | null, event: AuditEvent, anonymous?: { requestId: string; clientAddress: string }): AuditRecord {
    return {
      ...event,
      actorId: actor?.user.id ?? null,
      actorEmail: actor?.user.email ?? null,
      requestId: actor?.requestId ?? anonymous?.requestId ?? null,
      clientAddress: actor?.clientAddress ?? anonymous?.clientAddress ?? null,
    };
  }

  /** Records what `actor` did; inside the caller's transaction when a manager is given. */
  record(actor: Actor | null, event: AuditEvent, manager?: EntityManager, anonymous?: { requestId: string; clientAddress: string }): Promise<void> {
    return this.audit.append(this.entry(actor, event, anonymous), manager);
  }

  async list(query: ListAuditDto): Promise<Page<AuditEntry>> {
    const { page, pageSize } = pageOf(query);
    await this.seal();
    const { rows, total } = await this.audit.list(query, page, pageSize);
    return { items: rows.map(mapAuditEntry), total, totalIsEstimate: false, page, pageSize };
  }

  /** Every entry about one person, oldest first (for their export). */
  async forStakeholder(stakeholderId: string): Promise<AuditEntry[]> {
    await this.seal();
    return (await this.audit.forStakeholder(stakeholderId)).map(mapAuditEntry);
  }

  async verify(): Promise<AuditVerification> {
    await this.seal();
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
