import { Alert, Box, Group, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { RESPONSIBILITY_MONTHS_DEFAULT, type ResponsibilityPeriod } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { responsibilityQueries } from '../api/responsibility-queries';
import { DashboardCard } from './dashboard-card';
import { readerLocale } from '@/lib/dates';

const WORK = [
  { key: 'briefings', label: 'Briefings' },
  { key: 'initiatives', label: 'Initiatives' },
  { key: 'pilots', label: 'Pilots' },
] as const;

export function ledCounts(period: ResponsibilityPeriod): { byLeaders: number; byHr: number; total: number } {
  const byLeaders = WORK.reduce((sum, work) => sum + period[work.key].byLeaders, 0);
  const byHr = WORK.reduce((sum, work) => sum + period[work.key].byHr, 0);
  return { byLeaders, byHr, total: byLeaders + byHr };
}

/** "HR leads 7 of 10: hand them to leaders", or null when leaders lead. */
export function hrLeadsFlag(period: ResponsibilityPeriod): string | null {
  if (!period.hrLeads) return null;
  const { byHr, total } = ledCounts(period);
  return `HR leads ${byHr} of ${total}: hand them to leaders`;
}

const monthFormat = new Intl.DateTimeFormat(readerLocale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthLabel = (from: string) => monthFormat.format(new Date(`${from}T00:00:00Z`));

function shareWords(period: ResponsibilityPeriod): string {
  return period.leaderShare === null ? '—' : `${Math.round(period.leaderShare * 100)} %`;
}

/** One bar a month: leaders' part in teal, HR's in orange, as long as the month's work against the busiest month. */
function MonthBars({ periods }: { periods: ResponsibilityPeriod[] }) {
  const theme = useMantineTheme();
  const busiest = Math.max(1, ...periods.map((period) => ledCounts(period).total));
  return (
    <Stack gap={6} aria-hidden="true">
      {periods.map((period) => {
        const { byLeaders, byHr, total } = ledCounts(period);
        return (
          <Group key={period.from} gap="xs" wrap="nowrap">
            <Text size="xs" w={64} style={{ flexShrink: 0 }}>
              {monthLabel(period.from)}
            </Text>
            <Box style={{ flex: 1, display: 'flex', height: 14, background: theme.colors.gray[1], borderRadius: 4, overflow: 'hidden' }}>
              <Box style={{ width: `${(byLeaders / busiest) * 100}%`, background: theme.colors.teal[6] }} />
              <Box style={{ width: `${(byHr / busiest) * 100}%`, background: theme.colors.orange[5] }} />
            </Box>
            <Text size="xs" w={104} ta="right" style={{ flexShrink: 0 }} c={period.hrLeads ? 'red.9' : undefined} fw={period.hrLeads ? 600 : undefined}>
              {total === 0 ? 'nothing' : `${byLeaders} of ${total} by leaders`}
            </Text>
          </Group>
        );
      })}
      <Group gap="md" mt={2}>
        <Group gap={6}>
          <Box w={12} h={12} style={{ background: theme.colors.teal[6], borderRadius: 2 }} />
          <Text size="xs">Led by leaders</Text>
        </Group>
        <Group gap={6}>
          <Box w={12} h={12} style={{ background: theme.colors.orange[5], borderRadius: 2 }} />
          <Text size="xs">Led by HR</Text>
        </Group>
      </Group>
    </Stack>
  );
}

function ResponsibilityTable({ periods, overall }: { periods: ResponsibilityPeriod[]; overall: ResponsibilityPeriod }) {
  const row = (label: string, period: ResponsibilityPeriod, header = false) => (
    <Table.Tr key={label} fw={header ? 600 : undefined}>
      <Table.Th scope="row" style={{ whiteSpace: 'nowrap', fontWeight: header ? 700 : 500 }}>
        {label}
      </Table.Th>
      {WORK.map((work) => (
        <Table.Td key={work.key} style={{ whiteSpace: 'nowrap' }}>
          {period[work.key].byLeaders} / {period[work.key].byHr}
        </Table.Td>
      ))}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{shareWords(period)}</Table.Td>
      <Table.Td>{period.hrLeads ? 'HR leads' : ''}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="xs" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>Led by leaders / by HR, month by month (this month so far)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Month</Table.Th>
            {WORK.map((work) => (
              <Table.Th scope="col" key={work.key}>
                {work.label}
              </Table.Th>
            ))}
            <Table.Th scope="col">Leaders&apos; share</Table.Th>
            <Table.Th scope="col">Flag</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...periods].reverse().map((period) => row(monthLabel(period.from), period))}
          {row('All months', overall, true)}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Whose responsibility: the briefings done, initiatives held and pilots started each month, led by leaders or by HR.
 * The culture is the leadership team's to own; the panel flags a campaign where HR leads most of it.
 */
export function ResponsibilityPanel({ months = RESPONSIBILITY_MONTHS_DEFAULT }: { months?: number }) {
  const report = useQuery(responsibilityQueries.report(months));

  let body: ReactNode;
  if (report.isPending) body = <LoadingState label="Loading whose responsibility…" minHeight={120} />;
  else if (report.isError) body = <ErrorState error={report.error} title="Whose responsibility could not be loaded" onRetry={() => void report.refetch()} />;
  else {
    const { periods, overall, summary } = report.data;
    const flag = hrLeadsFlag(overall);
    body = (
      <Stack gap="sm">
        {flag && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={flag} role="note">
            The culture is the leadership team&apos;s responsibility, not HR&apos;s: ask leaders to own the next briefings, initiatives and pilots, with HR as their coach.
          </Alert>
        )}
        <Text size="sm">{summary}</Text>
        <MonthBars periods={periods} />
        <Box component="details">
          <Text component="summary" size="sm" fw={500} style={{ cursor: 'pointer' }}>
            The numbers, month by month
          </Text>
          <ResponsibilityTable periods={periods} overall={overall} />
        </Box>
      </Stack>
    );
  }

  return (
    <DashboardCard
      title="Whose responsibility"
      description={`Briefings, initiatives and pilots led by leaders rather than HR, over the last ${months} months`}
      seeAll={{ to: '/programme', label: 'Programme' }}
    >
      {body}
    </DashboardCard>
  );
}
