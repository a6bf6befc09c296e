import { Badge, type BadgeProps } from '@mantine/core';
import { RELATIONSHIP_QUALITY_LABELS, RELATIONSHIP_QUALITY_MEANINGS, type RelationshipQuality } from '@soundings/shared';

/** Colours for the qualities; the word is always shown as well, never the colour alone. */
export const QUALITY_COLORS: Record<RelationshipQuality, string> = { strong: 'teal', building: 'blue', avoid: 'red' };

export function QualityBadge({ quality, ...props }: { quality: RelationshipQuality } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={QUALITY_COLORS[quality]} variant={quality === 'avoid' ? 'filled' : 'light'} title={RELATIONSHIP_QUALITY_MEANINGS[quality]} {...props}>
      {RELATIONSHIP_QUALITY_LABELS[quality]}
    </Badge>
  );
}
