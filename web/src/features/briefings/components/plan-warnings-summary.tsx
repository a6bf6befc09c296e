import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { BRIEFING_WARNING_CODES, BRIEFING_WARNING_LABELS, type BriefingPlan, type BriefingWarningCode } from '@soundings/shared';
import { IconAlertTriangle, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate, formatTime } from '@/lib/dates';
import { fixFor, peopleInPlan, type BriefingFix } from './briefing-fixes';
import { PlanWarning } from './plan-warning';

interface PlanWarningsSummaryProps {
  plan: BriefingPlan;
  canWrite: boolean;
  onFix: (fix: Exclude<BriefingFix, { kind: 'link' }>) => void;
}

/** Every warning of the plan at the top, grouped by what is wrong, each with its fix and a link to its card. */
const SHOWN_PER_GROUP = 3;

export function PlanWarningsSummary({ plan, canWrite, onFix }: PlanWarningsSummaryProps) {
  const [expanded, setExpanded] = useState<Set<BriefingWarningCode>>(new Set());
  const live = plan.items.filter((item) => item.briefing.status !== 'cancelled').length;
  if (plan.warnings.length === 0) {
    if (live === 0) return null;
    return (
      <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title="The plan is in order" role="status">
        Champions reach every top-team member before HR presents, every briefer is committed and has been sounded one to one, and every
        brief makes the case for the briefer&apos;s own area.
      </Alert>
    );
  }
  const names = peopleInPlan(plan);
  const byId = new Map(plan.items.map((item) => [item.briefing.id, item.briefing]));
  const groups = BRIEFING_WARNING_CODES.map((code) => ({ code, warnings: plan.warnings.filter((warning) => warning.code === code) })).filter(
    (group) => group.warnings.length > 0,
  );
  const cards = new Set(plan.warnings.map((warning) => warning.briefingId).filter(Boolean)).size;
  const gaps = plan.warnings.filter((warning) => warning.briefingId === null).length;
  const parts = [
    cards > 0 ? `${cards} ${cards === 1 ? 'briefing needs' : 'briefings need'} attention` : null,
    gaps > 0 ? `${gaps} top-team ${gaps === 1 ? 'member has' : 'members have'} no champion briefing` : null,
  ].filter(Boolean);

  return (
    <section aria-label="Plan warnings">
      <Alert
        color="orange"
        variant="light"
        icon={<IconAlertTriangle size={18} />}
        title={`${plan.warnings.length} ${plan.warnings.length === 1 ? 'warning' : 'warnings'}: ${parts.join('; ')}`}
      >
        <Stack gap="md" mt={4}>
          {groups.map(({ code, warnings }) => {
            const open = expanded.has(code) || warnings.length <= SHOWN_PER_GROUP + 1;
            const shown = open ? warnings : warnings.slice(0, SHOWN_PER_GROUP);
            return (
              <Stack key={code} gap={6} data-warning-group={code}>
                <Group gap={6}>
                  <Text size="sm" fw={700}>
                    {BRIEFING_WARNING_LABELS[code as BriefingWarningCode]}
                  </Text>
                  <Badge size="sm" variant="white" color="orange" c="red.9" circle>
                    {warnings.length}
                  </Badge>
                </Group>
                {code === 'no_champion_for_member' ? (
                  // Gaps in the plan read best as one line of names, each a button to plan that briefing.
                  <Group gap={6} pl={23}>
                    {warnings.map((warning) => {
                      const fix = canWrite ? fixFor(warning, names) : null;
                      const name = fix?.kind === 'plan' ? fix.audience.name : (warning.stakeholderId && names.get(warning.stakeholderId)) || warning.message;
                      return fix?.kind === 'plan' ? (
                        <Button key={warning.stakeholderId} size="compact-sm" variant="default" leftSection={<IconPlus size={13} />} onClick={() => onFix(fix)} title={fix.label}>
                          {name}
                        </Button>
                      ) : (
                        <Badge key={warning.stakeholderId} variant="white" color="orange" c="red.9" tt="none">
                          {name}
                        </Badge>
                      );
                    })}
                  </Group>
                ) : (
                  shown.map((warning, index) => {
                    const briefing = warning.briefingId ? byId.get(warning.briefingId) : undefined;
                    return (
                      <PlanWarning
                        key={`${warning.briefingId ?? 'plan'}-${warning.stakeholderId ?? ''}-${index}`}
                        warning={warning}
                        fix={canWrite ? fixFor(warning, names) : null}
                        onFix={onFix}
                        cardLink={
                          briefing
                            ? { href: `#briefing-${briefing.id}`, label: `See the briefing: ${briefing.briefer?.name ?? 'HR'}, ${formatDate(briefing.day)}, ${formatTime(briefing.plannedFor)}` }
                            : undefined
                        }
                      />
                    );
                  })
                )}
                {code !== 'no_champion_for_member' && !open && (
                  <Anchor component="button" type="button" size="sm" c="blue.9" pl={23} ta="left" onClick={() => setExpanded((current) => new Set(current).add(code))}>
                    Show {warnings.length - SHOWN_PER_GROUP} more
                  </Anchor>
                )}
              </Stack>
            );
          })}
        </Stack>
      </Alert>
    </section>
  );
}
