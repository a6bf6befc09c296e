import { TimingWindow, TimingWindowKind } from '@soundings/shared';
import { TimingWindowRow } from './timing.repository';

export function mapTimingWindow(row: TimingWindowRow): TimingWindow {
  return {
    id: row.id,
    stakeholderId: row.stakeholder_id,
    kind: row.kind as TimingWindowKind,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
