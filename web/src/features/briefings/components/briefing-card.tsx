import { ActionIcon, Anchor, Badge, Button, Card, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  BRIEFING_STATUS_LABELS,
  STAKEHOLDER_ROLE_LABELS,
  type BriefingParty,
  type BriefingPlanItem,
  type BriefingWarning,
} from '@soundings/shared';
import { IconArrowDown, IconArrowRight, IconArrowUp, IconCircleCheck, IconEdit, IconGripVertical } from '@tabler/icons-react';
import type { DragEvent } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { formatTime } from '@/lib/dates';
import type { BriefingFix } from './briefing-fixes';
import { PlanWarning } from './plan-warning';

export interface BriefingCardProps {
  item: BriefingPlanItem;
  warnings: { warning: BriefingWarning; fix: BriefingFix | null }[];
  canWrite: boolean;
  /** Undefined when the card is first (or last) of its day. */
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onEdit: (focus?: 'brief' | 'plannedFor' | 'outcome') => void;
  onFix: (fix: Exclude<BriefingFix, { kind: 'link' }>) => void;
  moving: boolean;
  drag?: {
    onDragStart: (event: DragEvent) => void;
    onDragOver: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
    onDragEnd: () => void;
    over: boolean;
  };
}

function Party({ party, fallback, label }: { party: BriefingParty | null; fallback: string; label: string }) {
  return (
    <Stack gap={2} style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
        {label}
      </Text>
      {party ? (
        <>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/stakeholders/${party.id}`} fw={600} size="sm" c="dark.8">
              {party.name}
            </Anchor>
            <CommitmentBadge level={party.commitment} size="sm" />
          </Group>
          <Text size="xs" c="dimmed">
            {[party.businessFunction, STAKEHOLDER_ROLE_LABELS[party.role]].filter(Boolean).join(' · ')}
          </Text>
        </>
      ) : (
        <Text fw={600} size="sm">
          {fallback}
        </Text>
      )}
    </Stack>
  );
}

const STATUS_COLORS = { planned: 'indigo', done: 'teal', cancelled: 'gray' } as const;

/** One briefing: who briefs whom and when, the briefer's place on the ladder, the brief, and what is wrong with it. */
export function BriefingCard({ item, warnings, canWrite, onMoveUp, onMoveDown, onEdit, onFix, moving, drag }: BriefingCardProps) {
  const { briefing } = item;
  const who = `${briefing.briefer?.name ?? 'HR'} to ${briefing.topTeam ? 'the top team' : (briefing.audience?.name ?? 'their audience')}`;
  const borderColor =
    briefing.status !== 'planned'
      ? 'var(--mantine-color-gray-4)'
      : warnings.length > 0
        ? 'var(--mantine-color-orange-5)'
        : 'var(--mantine-color-teal-5)';

  return (
    <Card
      component="article"
      id={`briefing-${briefing.id}`}
      aria-label={`Briefing: ${who}`}
      padding="md"
      draggable={Boolean(drag)}
      onDragStart={drag?.onDragStart}
      onDragOver={drag?.onDragOver}
      onDrop={drag?.onDrop}
      onDragEnd={drag?.onDragEnd}
      style={{
        borderLeft: `4px solid ${borderColor}`,
        // A cancelled briefing is muted by a grey ground and a dashed edge, never by fading its text below AA.
        ...(briefing.status === 'cancelled' ? { backgroundColor: 'var(--mantine-color-gray-0)', borderStyle: 'dashed' } : {}),
        outline: drag?.over ? '2px dashed var(--mantine-color-indigo-4)' : undefined,
        scrollMarginTop: 80,
      }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            {drag && (
              <IconGripVertical size={16} color="var(--mantine-color-gray-5)" style={{ cursor: 'grab' }} aria-hidden />
            )}
            <Text fw={700} size="sm">
              {formatTime(briefing.plannedFor)}
            </Text>
            <Badge size="sm" variant="light" color={STATUS_COLORS[briefing.status]}>
              {BRIEFING_STATUS_LABELS[briefing.status]}
            </Badge>
            {briefing.status === 'planned' && item.readiness.ready && (
              <Badge size="sm" variant="light" color="teal" leftSection={<IconCircleCheck size={11} />}>
                Ready
              </Badge>
            )}
          </Group>
          {canWrite && (
            <Group gap={4} wrap="nowrap">
              <Tooltip label="Earlier in the day" withArrow>
                <ActionIcon variant="subtle" color="gray" onClick={onMoveUp} disabled={!onMoveUp || moving} aria-label={`Move earlier: ${who}`}>
                  <IconArrowUp size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Later in the day" withArrow>
                <ActionIcon variant="subtle" color="gray" onClick={onMoveDown} disabled={!onMoveDown || moving} aria-label={`Move later: ${who}`}>
                  <IconArrowDown size={16} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label="Edit" withArrow>
                <ActionIcon variant="subtle" color="gray" onClick={() => onEdit()} aria-label={`Edit: ${who}`}>
                  <IconEdit size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>

        <Group gap="md" wrap="nowrap" align="flex-start">
          <div style={{ flex: 1, minWidth: 0 }}>
            <Party party={briefing.briefer} fallback="HR" label="Briefer" />
          </div>
          <IconArrowRight size={16} color="var(--mantine-color-gray-5)" style={{ marginTop: 22, flexShrink: 0 }} aria-label="briefs" />
          <div style={{ flex: 1, minWidth: 0 }}>
            <Party party={briefing.audience} fallback="The whole top team" label="Audience" />
          </div>
        </Group>

        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            Brief
          </Text>
          {briefing.brief ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
              {briefing.brief}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              No brief yet.
            </Text>
          )}
        </div>

        {briefing.outcome && (
          <Text size="sm" bg="gray.0" p="xs" style={{ borderRadius: 'var(--mantine-radius-sm)', whiteSpace: 'pre-wrap' }}>
            <Text span fw={600} size="sm">
              Outcome:
            </Text>{' '}
            {briefing.outcome}
          </Text>
        )}

        {warnings.length > 0 && (
          <Stack gap={8} p="sm" bg="orange.0" style={{ borderRadius: 'var(--mantine-radius-sm)' }} aria-label="Warnings on this briefing" role="group">
            {warnings.map(({ warning, fix }, index) => (
              <PlanWarning key={`${warning.code}-${warning.stakeholderId ?? ''}-${index}`} warning={warning} fix={fix} onFix={onFix} />
            ))}
          </Stack>
        )}

        {canWrite && briefing.status === 'planned' && (
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" onClick={() => onEdit('outcome')}>
              Record how it went
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
