import { Badge, type BadgeProps } from '@mantine/core';
import { RELATIONSHIP_QUALITY_LABELS, RELATIONSHIP_QUALITY_MEANINGS, type RelationshipQuality } from '@soundings/shared';

/** Colours for the qualities; the word is always shown as well, never the colour alone. */
export const QUALITY_COLORS: Record<RelationshipQuality, string> = { strong: 'teal', building: 'blue', avoid: 'red' };

// Dark shades keep the small badge text at WCAG AA contrast (4.5:1): coloured words on white, white on red.
const TEXT_SHADE = 9;

export function QualityBadge({ quality, ...props }: { quality: RelationshipQuality } & Omit<BadgeProps, 'color' | 'children'>) {
  const color = QUALITY_COLORS[quality];
  // Avoid stands out filled; the others are outlined, their words in the dark shade on white.
  return (
    <Badge
      color={`${color}.${TEXT_SHADE}`}
      variant={quality === 'avoid' ? 'filled' : 'outline'}
      title={RELATIONSHIP_QUALITY_MEANINGS[quality]}
      {...props}
    >
      {RELATIONSHIP_QUALITY_LABELS[quality]}
    </Badge>
  );
}
