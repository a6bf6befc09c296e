import { INFLUENCE_KIND_LABELS, type InfluenceKind } from '@soundings/shared';

/** "Dana Okafor looks to Sam Lee", in the words of the link's kind. */
export function influenceSentence(fromName: string, kind: InfluenceKind, toName: string): string {
  if (kind === 'ally') return `${fromName} and ${toName} are allies`;
  if (kind === 'conflict') return `${fromName} is in conflict with ${toName}`;
  return `${fromName} ${INFLUENCE_KIND_LABELS[kind].toLowerCase()} ${toName}`;
}
