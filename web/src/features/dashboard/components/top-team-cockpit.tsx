import { Anchor, Badge, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  COCKPIT_MOVEMENT_DAYS,
  COMMITMENT_LADDER,
  RELATIONSHIP_QUALITY_LABELS,
  RELATIONSHIP_QUALITY_MEANINGS,
  type CockpitRow,
  type RelationshipQuality,
} from '@soundings/shared';
import { IconArrowDown, IconArrowNarrowRight, IconArrowUp } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RelativeDay } from '@/components/relative-day';
import { dashboardQueries } from '../api/dashboard-queries';
import { DashboardCard } from './dashboard-card';

const QUALITY_COLORS: Record<RelationshipQuality, string> = { strong: 'teal', building: 'yellow', avoid: 'red' };

const steps = (n: number) => `${n} ${n === 1 ? 'step' : 'steps'}`;

/**
 * The movement in parts, drawn as "↑ 2 steps: Open → Committed" with the arrows as icons (not every font has
 * them) and read as "Up 2 steps: Open to Committed".
 */
export function movementParts({ from, to, steps: moved }: CockpitRow['movement']): {
  direction: 'up' | 'down' | 'none';
  lead: string;
  from: string | null;
  to: string;
} {
  const toLabel = COMMITMENT_LADDER[to].label;
  if (from === to) return { direction: 'none', lead: 'No change', from: null, to: toLabel };
  const direction = moved > 0 ? 'up' : moved < 0 ? 'down' : 'none';
  return { direction, lead: moved === 0 ? 'No steps' : steps(Math.abs(moved)), from: COMMITMENT_LADDER[from].label, to: toLabel };
}

/** "Meets Committed", "2 steps short of Committed", or that no level is required. */
export function gapWords(row: Pick<CockpitRow, 'gap' | 'member'>): string {
  const required = row.member.requiredCommitment;
  if (!required) return 'No required level set';
  const label = COMMITMENT_LADDER[required].label;
  return row.gap > 0 ? `${steps(row.gap)} short of ${label}` : `Meets ${label}`;
}

function Levels({ row }: { row: CockpitRow }) {
  const required = row.member.requiredCommitment;
  return (
    <Stack gap={4} align="flex-start">
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" w={58}>
          Now
        </Text>
        <CommitmentBadge level={row.member.commitment} size="sm" />
      </Group>
      <Group gap={6} wrap="wrap">
        <Text size="xs" c="dimmed" w={58}>
          Required
        </Text>
        {required ? <CommitmentBadge level={required} size="sm" variant="outline" /> : <Text size="xs">—</Text>}
      </Group>
      <Text size="xs" fw={500} c={row.gap > 0 ? 'red.9' : 'teal.9'}>
        {gapWords(row)}
      </Text>
    </Stack>
  );
}

function Holders({ row }: { row: CockpitRow }) {
  if (row.holders.length === 0) {
    return (
      <Text size="sm" c="red.9">
        No one yet
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {row.holders.map((holder) => (
        <Group component="li" key={`${holder.type}-${holder.id}`} gap={6} wrap="wrap">
          {holder.type === 'champion' ? (
            <Anchor component={Link} to={`/stakeholders/${holder.id}`} size="sm">
              {holder.name}
            </Anchor>
          ) : (
            <Text size="sm">
              {holder.name} <Text span size="xs" c="dimmed">(HR)</Text>
            </Text>
          )}
          {/* The word must show whole: a narrow column wraps the badge under the name rather than cutting it. */}
          <Badge size="xs" variant="light" color={QUALITY_COLORS[holder.quality]} title={RELATIONSHIP_QUALITY_MEANINGS[holder.quality]} style={{ flexShrink: 0 }}>
            {RELATIONSHIP_QUALITY_LABELS[holder.quality]}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

function LastContact({ on }: { on: string | null }) {
  if (!on) {
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  }
  return <RelativeDay on={on} size="sm" label="Last contact" />;
}

function OpenFears({ row }: { row: CockpitRow }) {
  if (row.openFears === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/fears?stakeholderId=${row.member.id}`} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
      {row.openFears} open
    </Anchor>
  );
}

const DIRECTIONS = {
  up: { Icon: IconArrowUp, words: 'Up ', color: 'teal.9' },
  down: { Icon: IconArrowDown, words: 'Down ', color: 'red.9' },
  none: { Icon: null, words: '', color: 'dimmed' },
} as const;

function Movement({ row }: { row: CockpitRow }) {
  const parts = movementParts(row.movement);
  const { Icon, words, color } = DIRECTIONS[parts.direction];
  const icon = { size: 14, stroke: 2.2, 'aria-hidden': true, style: { verticalAlign: '-2px' } } as const;
  return (
    <Text size="sm" c={color}>
      {Icon && <Icon {...icon} style={{ ...icon.style, marginRight: 4 }} />}
      {words && <VisuallyHidden>{words}</VisuallyHidden>}
      {parts.lead}: {parts.from}
      {parts.from && (
        <>
          <VisuallyHidden> to </VisuallyHidden>
          <IconArrowNarrowRight {...icon} style={{ ...icon.style, margin: '0 3px' }} />
        </>
      )}
      {parts.to}
    </Text>
  );
}

function MemberName({ row }: { row: CockpitRow }) {
  return (
    <Stack gap={0}>
      <Anchor component={Link} to={`/stakeholders/${row.member.id}`} fw={600} size="sm" c="dark.8">
        {row.member.name}
      </Anchor>
      {row.member.title && (
        <Text size="xs" c="dimmed" fw={400}>
          {row.member.title}
        </Text>
      )}
    </Stack>
  );
}

const COLUMNS = ['Required and now', 'Relationship held by', 'Last contact', 'Open fears', `Last ${COCKPIT_MOVEMENT_DAYS} days`] as const;

function cells(row: CockpitRow): ReactNode[] {
  return [<Levels row={row} />, <Holders row={row} />, <LastContact on={row.lastContactAt} />, <OpenFears row={row} />, <Movement row={row} />];
}

function CockpitTable({ rows, caption }: { rows: CockpitRow[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" horizontalSpacing="sm" captionSide="top">
        <Table.Caption style={{ textAlign: 'left', marginTop: 0 }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Member</Table.Th>
            {COLUMNS.map((column) => (
              <Table.Th scope="col" key={column}>
                {column}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.member.id}>
              <Table.Th scope="row" style={{ verticalAlign: 'top' }}>
                <MemberName row={row} />
              </Table.Th>
              {cells(row).map((cell, i) => (
                <Table.Td key={COLUMNS[i]} style={{ verticalAlign: 'top' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per member, each column as a labelled line. */
function CockpitCards({ rows, caption }: { rows: CockpitRow[]; caption: string }) {
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {caption}
      </Text>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Top-team members">
        {rows.map((row) => (
          <Card component="li" key={row.member.id} withBorder padding="sm" radius="md">
            <MemberName row={row} />
            <Stack gap={8} mt="xs" component="dl" style={{ margin: 0 }}>
              {cells(row).map((cell, i) => (
                <div key={COLUMNS[i]}>
                  <Text component="dt" size="xs" c="dimmed" fw={600}>
                    {COLUMNS[i]}
                  </Text>
                  <Text component="dd" m={0} size="sm">
                    {cell}
                  </Text>
                </div>
              ))}
            </Stack>
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

/**
 * Per top-team member: where they must be against where they are, who holds the relationship, when we last
 * spoke, what they still fear and how they moved over the last 30 days. Largest gap first.
 */
export function TopTeamCockpit() {
  const cockpit = useQuery(dashboardQueries.topTeam());
  const phone = useMediaQuery('(max-width: 48em)');
  const caption = `Largest gap to the required level first. Open fears: open or being addressed. Movement: the level ${COCKPIT_MOVEMENT_DAYS} days ago against now.`;

  let body: ReactNode;
  if (cockpit.isPending) body = <LoadingState label="Loading the top team…" minHeight={120} />;
  else if (cockpit.isError) body = <ErrorState error={cockpit.error} title="The top-team cockpit could not be loaded" onRetry={() => void cockpit.refetch()} />;
  else if (cockpit.data.items.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        No one is marked as top team yet. Set a stakeholder's role to “Top team” to follow them here.
      </Text>
    );
  } else if (phone) body = <CockpitCards rows={cockpit.data.items} caption={caption} />;
  else body = <CockpitTable rows={cockpit.data.items} caption={caption} />;

  return (
    <DashboardCard
      title="Top-team cockpit"
      description="Each member: required and current level, who holds the relationship, last contact, open fears, movement"
      seeAll={{ to: '/stakeholders?role=top_team', label: 'Top team' }}
    >
      {body}
    </DashboardCard>
  );
}
