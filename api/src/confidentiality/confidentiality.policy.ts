import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditEvent, AuditService } from '../audit/audit.service';
import type { Actor } from '../auth/actor';
import { ConfidentialView } from './confidential-view';

/**
 * The one confidentiality rule for every view: a confidential note's words reach only its author
 * and admins, and each response that shows them leaves one audit entry naming the notes it showed.
 * A view maps its rows through `view(reader)`, then calls `record` before it answers.
 */
@Injectable()
export class ConfidentialityPolicy {
  constructor(private readonly audit: AuditService) {}

  /** For a read. Whatever confidential note it lets through must be recorded with `record`. */
  view(reader: Actor): ConfidentialView {
    return new ConfidentialView(reader);
  }

  /**
   * For the answer to a write: the write's own audit entry already names who had the record in
   * hand, so showing it back is not recorded again.
   */
  echo(writer: Actor): ConfidentialView {
    return new ConfidentialView(writer);
  }

  /** One entry for everything the response showed (none when it showed nothing confidential). */
  async record(view: ConfidentialView, manager?: EntityManager): Promise<void> {
    if (view.isEmpty) return;
    const shown = view.shown;
    const ids = [...shown.confidentialSoundingIds, ...shown.confidentialFearIds];
    await this.audit.record(
      view.reader,
      {
        action: 'sounding.read_confidential',
        entityType: shown.confidentialSoundingIds.length > 0 ? 'sounding' : 'fear',
        entityId: ids.length === 1 ? ids[0] : null,
        stakeholderId: view.stakeholderId,
        after: { ...shown },
      },
      manager,
    );
  }

  /** For a view that writes an audit entry of its own (the export): the notes it showed go in that entry. */
  async recordWith(view: ConfidentialView, event: AuditEvent, manager?: EntityManager): Promise<void> {
    await this.audit.record(view.reader, { ...event, after: { ...event.after, ...view.shown } }, manager);
  }
}
