import type { IsoDateTime, Page } from './api';

/** Everything a user can delete, and so restore: one kind per `DELETE` route. */
export const DELETED_ITEM_KINDS = [
  'stakeholder',
  'meeting',
  'briefing',
  'influence',
  'relationship',
  'timing_window',
  'expectation',
  'priority',
  'narrative',
  'pilot',
  'proof_point',
  'initiative',
  'champion_evidence',
  'saved_view',
] as const;
export type DeletedItemKind = (typeof DELETED_ITEM_KINDS)[number];

/** How long a deleted record is held for restore before it is gone for good. */
export const RESTORE_WINDOW_DAYS = 30;

/** Words for each kind, as the "Recently deleted" page and the undo toast say them. */
export const DELETED_ITEM_KIND_LABELS: Record<DeletedItemKind, string> = {
  stakeholder: 'Stakeholder',
  meeting: 'Meeting',
  briefing: 'Briefing',
  influence: 'Influence link',
  relationship: 'Relationship',
  timing_window: 'Timing window',
  expectation: 'Expectation',
  priority: 'Business priority',
  narrative: 'Narrative',
  pilot: 'Pilot',
  proof_point: 'Proof point',
  initiative: 'Initiative',
  champion_evidence: 'Champion evidence',
  saved_view: 'Saved view',
};

/** Something deleted in the last 30 days that can still be restored. Its id is the id it had. */
export interface DeletedItem {
  id: string;
  kind: DeletedItemKind;
  /** What it was called when deleted (a name or title). */
  label: string;
  /** The records deleted with it, by table ("soundings", "fears"…), largest first. */
  contents: { records: string; count: number }[];
  deletedAt: IsoDateTime;
  /** Null when the account that deleted it is gone. */
  deletedBy: { id: string; name: string } | null;
  /** When it is gone for good unless restored first. */
  purgeAfter: IsoDateTime;
}

export type DeletedItemPage = Page<DeletedItem>;

/** What a restore brought back. */
export interface RestoredItem {
  id: string;
  kind: DeletedItemKind;
  label: string;
  /** Every record put back, its dependents included. */
  records: number;
}

/** Held for restore about one person, in their subject-access export: the rows as they were stored. */
export interface HeldForRestore {
  id: string;
  kind: DeletedItemKind;
  label: string;
  deletedAt: IsoDateTime;
  purgeAfter: IsoDateTime;
  /** By table. Confidential soundings the exporter may not read (and their fears) keep only ids and dates. */
  records: Record<string, Record<string, unknown>[]>;
}
