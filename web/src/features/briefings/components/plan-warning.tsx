import { Anchor, Group, Text, UnstyledButton } from '@mantine/core';
import type { BriefingWarning } from '@soundings/shared';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { BriefingFix } from './briefing-fixes';

interface PlanWarningProps {
  warning: BriefingWarning;
  /** Null when nothing the reader may do fixes it (a viewer), or nothing does. */
  fix: BriefingFix | null;
  onFix: (fix: Exclude<BriefingFix, { kind: 'link' }>) => void;
  /** A link to the card the warning is on, for the summary at the top. */
  cardLink?: { href: string; label: string };
}

const fixStyle = { display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600 } as const;

/** One warning in words, with what fixes it. */
export function PlanWarning({ warning, fix, onFix, cardLink }: PlanWarningProps) {
  return (
    <Group gap={8} wrap="nowrap" align="flex-start" data-warning={warning.code}>
      <IconAlertTriangle size={15} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 3 }} aria-hidden />
      <div style={{ minWidth: 0 }}>
        <Text size="sm">{warning.message}</Text>
        <Group gap="md" mt={2}>
          {fix &&
            (fix.kind === 'link' ? (
              <Anchor component={Link} to={fix.to} size="sm" c="indigo.9" style={fixStyle}>
                {fix.label} <IconArrowRight size={13} />
              </Anchor>
            ) : (
              <UnstyledButton onClick={() => onFix(fix)} c="indigo.9" fz="sm" style={fixStyle}>
                {fix.label} <IconArrowRight size={13} />
              </UnstyledButton>
            ))}
          {cardLink && (
            <Anchor href={cardLink.href} size="xs" c="dimmed">
              {cardLink.label}
            </Anchor>
          )}
        </Group>
      </div>
    </Group>
  );
}
