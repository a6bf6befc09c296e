import type { FieldError, NarrativeReaction } from '@soundings/shared';
import type { LinkTargets } from './sounding-links.repository';

export interface SoundingLinks {
  priorityIds?: string[];
  narratives?: NarrativeReaction[];
}

/**
 * Why these links cannot be recorded, field by field: a priority or narrative that is not on the list, or an
 * archived narrative the sounding did not already record (`kept`: the narratives it records now).
 */
export function linkProblems(links: SoundingLinks, targets: LinkTargets, kept: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  links.priorityIds?.forEach((id, index) => {
    if (!targets.priorityIds.has(id)) problems.push({ field: `priorityIds.${index}`, message: 'is not a listed priority' });
  });
  links.narratives?.forEach(({ narrativeId }, index) => {
    const archived = targets.narratives.get(narrativeId);
    const field = `narratives.${index}.narrativeId`;
    if (archived === undefined) problems.push({ field, message: 'is not a listed narrative' });
    else if (archived && !kept.has(narrativeId)) problems.push({ field, message: 'is archived: it stays on soundings that record it, but cannot be newly added' });
  });
  return problems;
}
