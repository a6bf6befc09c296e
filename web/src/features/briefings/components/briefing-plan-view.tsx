import { Badge, Group, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { BriefingPlan, BriefingPlanItem, IsoDate } from '@soundings/shared';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { isApiError } from '@/lib/api-client';
import { formatDayHeading } from '@/lib/dates';
import { useReorderBriefings } from '../api/reorder-briefings';
import { fixFor, peopleInPlan, type BriefingFix } from './briefing-fixes';
import { BriefingCard } from './briefing-card';

interface BriefingPlanViewProps {
  plan: BriefingPlan;
  canWrite: boolean;
  onEdit: (item: BriefingPlanItem, focus?: 'brief' | 'plannedFor' | 'outcome') => void;
  onFix: (fix: Exclude<BriefingFix, { kind: 'link' }>) => void;
}

interface PlanDay {
  day: IsoDate;
  items: BriefingPlanItem[];
}

function byDay(items: BriefingPlanItem[]): PlanDay[] {
  const days: PlanDay[] = [];
  for (const item of items) {
    const last = days.at(-1);
    if (last && last.day === item.briefing.day) last.items.push(item);
    else days.push({ day: item.briefing.day, items: [item] });
  }
  return days;
}

/** `ids` with the one at `from` moved to `to`. */
function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

/** The plan as a timeline of days; within a day, briefings in the order they should happen, movable by buttons or by dragging. */
export function BriefingPlanView({ plan, canWrite, onEdit, onFix }: BriefingPlanViewProps) {
  const reorder = useReorderBriefings();
  const [dragging, setDragging] = useState<{ day: IsoDate; id: string } | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const names = peopleInPlan(plan);

  const move = (day: IsoDate, ids: string[], from: number, to: number) => {
    if (from === to || to < 0 || to >= ids.length) return;
    reorder.mutate(
      { day, briefingIds: moved(ids, from, to) },
      {
        onError: (error) =>
          notifications.show({
            color: isApiError(error) && error.isVersionConflict ? 'orange' : 'red',
            title: 'The order was not changed',
            message:
              isApiError(error) && error.isVersionConflict
                ? 'Someone changed this day of the plan meanwhile. It now shows their version; move the briefing again.'
                : error.message,
          }),
      },
    );
  };

  return (
    <Timeline bulletSize={30} lineWidth={2} aria-label="Briefing plan">
      {byDay(plan.items).map(({ day, items }) => {
        const ids = items.map((item) => item.briefing.id);
        const warningsThatDay = plan.warnings.filter((warning) => warning.briefingId && ids.includes(warning.briefingId)).length;
        return (
          <Timeline.Item
            key={day}
            bullet={
              <ThemeIcon size={30} radius="xl" variant="light" color={warningsThatDay > 0 ? 'orange' : 'indigo'}>
                <IconCalendarEvent size={16} />
              </ThemeIcon>
            }
            title={
              <Group gap="xs" mb="xs">
                <Text fw={700} component="h3" m={0} fz="md">
                  {formatDayHeading(day)}
                </Text>
                <Text size="xs" c="dimmed">
                  {items.length} {items.length === 1 ? 'briefing' : 'briefings'}
                </Text>
                {warningsThatDay > 0 && (
                  <Badge size="sm" color="orange" variant="light">
                    {warningsThatDay} {warningsThatDay === 1 ? 'warning' : 'warnings'}
                  </Badge>
                )}
              </Group>
            }
          >
            <Stack gap="sm" maw={820} role="list" aria-label={`Briefings on ${formatDayHeading(day)}`}>
              {items.map((item, index) => {
                const id = item.briefing.id;
                const warnings = plan.warnings
                  .filter((warning) => warning.briefingId === id)
                  .map((warning) => ({ warning, fix: canWrite ? fixFor(warning, names) : null }));
                const draggable = canWrite && items.length > 1;
                return (
                  <div role="listitem" key={id}>
                    <BriefingCard
                      item={item}
                      warnings={warnings}
                      canWrite={canWrite}
                      moving={reorder.isPending}
                      onMoveUp={index > 0 ? () => move(day, ids, index, index - 1) : undefined}
                      onMoveDown={index < items.length - 1 ? () => move(day, ids, index, index + 1) : undefined}
                      onEdit={(focus) => onEdit(item, focus)}
                      onFix={onFix}
                      drag={
                        draggable
                          ? {
                              over: over === id && dragging?.id !== id,
                              onDragStart: (event: DragEvent) => {
                                event.dataTransfer.effectAllowed = 'move';
                                event.dataTransfer.setData('text/plain', id);
                                setDragging({ day, id });
                              },
                              onDragOver: (event: DragEvent) => {
                                // Only within the same day: moving to another day means changing its date.
                                if (dragging?.day !== day) return;
                                event.preventDefault();
                                setOver(id);
                              },
                              onDrop: (event: DragEvent) => {
                                event.preventDefault();
                                if (dragging && dragging.day === day) move(day, ids, ids.indexOf(dragging.id), index);
                                setDragging(null);
                                setOver(null);
                              },
                              onDragEnd: () => {
                                setDragging(null);
                                setOver(null);
                              },
                            }
                          : undefined
                      }
                    />
                  </div>
                );
              })}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
