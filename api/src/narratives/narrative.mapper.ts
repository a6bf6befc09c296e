import type { Narrative } from '@soundings/shared';

export interface NarrativeRow {
  id: string;
  title: string;
  description: string | null;
  archived: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export function mapNarrative(row: NarrativeRow): Narrative {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    archived: row.archived,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
