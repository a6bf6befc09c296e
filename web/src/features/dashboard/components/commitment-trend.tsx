import { Box, Group, Stack, Table, Text, useMantineTheme } from '@mantine/core';
import { TREND_WEEKS_DEFAULT, type TrendCounts, type TrendWeek } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { formatDate } from '@/lib/dates';
import { dashboardQueries } from '../api/dashboard-queries';
import { DashboardCard } from './dashboard-card';
import { TrendLines } from './lazy-charts';

type Cohort = 'topTeam' | 'everyone';
type Measure = 'onBoard' | 'atRequired';

const GROUP_LABELS: Record<Cohort, string> = { topTeam: 'Top team', everyone: 'Everyone' };
const MEASURE_LABELS: Record<Measure, string> = { onBoard: 'on board', atRequired: 'at their required level' };
const SERIES: { group: Cohort; measure: Measure }[] = [
  { group: 'topTeam', measure: 'onBoard' },
  { group: 'topTeam', measure: 'atRequired' },
  { group: 'everyone', measure: 'onBoard' },
  { group: 'everyone', measure: 'atRequired' },
];
/** Weeks back that read as "a month ago". */
const MONTH_WEEKS = 4;

const seriesKey = ({ group, measure }: { group: Cohort; measure: Measure }) => `${group}.${measure}`;
const seriesLabel = ({ group, measure }: { group: Cohort; measure: Measure }) => `${GROUP_LABELS[group]} ${MEASURE_LABELS[measure]}`;

/** The people a share is out of: everyone on record for "on board", those with a required level for attainment. */
function outOf(counts: TrendCounts, measure: Measure): number {
  return measure === 'onBoard' ? counts.total : counts.withRequired;
}

/** Whole percent, or null when there is no one to count. */
export function share(counts: TrendCounts, measure: Measure): number | null {
  const total = outOf(counts, measure);
  return total === 0 ? null : Math.round((counts[measure] / total) * 100);
}

function countWords(counts: TrendCounts, measure: Measure): string {
  const percent = share(counts, measure);
  return `${counts[measure]} of ${outOf(counts, measure)}${percent === null ? '' : ` (${percent} %)`}`;
}

/** "Top team on board: 2 of 6 (33 %) now, up from 0 a month ago." */
export function trendSentence(weeks: TrendWeek[], group: Cohort, measure: Measure): string {
  const now = weeks[weeks.length - 1][group];
  const head = `${GROUP_LABELS[group]} ${MEASURE_LABELS[measure]}: ${countWords(now, measure)} now`;
  if (weeks.length < 2) return `${head}.`;
  const back = Math.min(MONTH_WEEKS, weeks.length - 1);
  const then = weeks[weeks.length - 1 - back][group][measure];
  const when = back === MONTH_WEEKS ? 'a month ago' : `${back} ${back === 1 ? 'week' : 'weeks'} ago`;
  const change = now[measure] > then ? `up from ${then}` : now[measure] < then ? `down from ${then}` : 'the same as';
  return `${head}, ${change} ${when}.`;
}

const CHART_HEIGHT = 240;

function TrendChart({ weeks, summary }: { weeks: TrendWeek[]; summary: string }) {
  const theme = useMantineTheme();
  const colors: Record<Cohort, string> = { topTeam: theme.colors.teal[7], everyone: theme.colors.indigo[6] };
  const rows = weeks.map((week) => ({
    weekStart: week.weekStart,
    ...Object.fromEntries(SERIES.map((series) => [seriesKey(series), share(week[series.group], series.measure)])),
  }));
  return (
    <>
      <div style={{ width: '100%', height: CHART_HEIGHT }} role="img" aria-label={summary}>
        <TrendLines
          rows={rows}
          height={CHART_HEIGHT}
          lines={SERIES.map((series) => ({
            key: seriesKey(series),
            name: seriesLabel(series),
            stroke: colors[series.group],
            strokeWidth: series.measure === 'onBoard' ? 2.5 : 2,
            strokeDasharray: series.measure === 'atRequired' ? '5 4' : undefined,
          }))}
        />
      </div>
      <Group component="ul" gap="xs" mt="xs" style={{ listStyle: 'none', padding: 0, margin: 0, columnGap: 16 }} aria-label="Lines in the chart">
        {SERIES.map((series) => (
          <Group component="li" key={seriesKey(series)} gap={6} wrap="nowrap">
            <svg width="22" height="8" aria-hidden="true">
              <line
                x1="0"
                y1="4"
                x2="22"
                y2="4"
                stroke={colors[series.group]}
                strokeWidth={series.measure === 'onBoard' ? 2.5 : 2}
                strokeDasharray={series.measure === 'atRequired' ? '5 4' : undefined}
              />
            </svg>
            <Text size="xs">{seriesLabel(series)}</Text>
          </Group>
        ))}
      </Group>
    </>
  );
}

function TrendTable({ weeks }: { weeks: TrendWeek[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} horizontalSpacing="xs" fz="xs" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>Week by week, at the end of each week (this week: now)</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Week of</Table.Th>
            {SERIES.map((series) => (
              <Table.Th scope="col" key={seriesKey(series)}>
                {seriesLabel(series)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...weeks].reverse().map((week) => (
            <Table.Tr key={week.weekStart}>
              <Table.Th scope="row" style={{ whiteSpace: 'nowrap', fontWeight: 500 }}>
                {formatDate(week.weekStart)}
              </Table.Th>
              {SERIES.map((series) => (
                <Table.Td key={seriesKey(series)} style={{ whiteSpace: 'nowrap' }}>
                  {countWords(week[series.group], series.measure)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * The share of the top team and of everyone on board, and at their required level, week by week: replayed by the
 * API from the level history. A sentence per line says where it stands now against a month ago, and the numbers
 * are in a table under a disclosure for anyone who cannot read the chart.
 */
export function CommitmentTrendPanel({ weeks = TREND_WEEKS_DEFAULT }: { weeks?: number }) {
  const trend = useQuery(dashboardQueries.trend(weeks));

  let body: ReactNode;
  if (trend.isPending) body = <LoadingState label="Loading the trend…" minHeight={120} />;
  else if (trend.isError) body = <ErrorState error={trend.error} title="The commitment trend could not be loaded" onRetry={() => void trend.refetch()} />;
  else if (trend.data.weeks.length === 0) body = <Text size="sm" c="dimmed">No weeks to show.</Text>;
  else {
    const data = trend.data.weeks;
    const sentences = SERIES.map((series) => trendSentence(data, series.group, series.measure));
    body = (
      <Stack gap="sm">
        <Stack gap={2} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Where it stands">
          {sentences.map((sentence) => (
            <Text component="li" size="sm" key={sentence}>
              {sentence}
            </Text>
          ))}
        </Stack>
        <TrendChart weeks={data} summary={sentences.join(' ')} />
        <Box component="details">
          <Text component="summary" size="sm" fw={500} style={{ cursor: 'pointer' }}>
            The numbers, week by week
          </Text>
          <TrendTable weeks={data} />
        </Box>
      </Stack>
    );
  }

  return (
    <DashboardCard
      title="Commitment trend"
      description={`On board, and at their required level, over the last ${weeks} weeks: replayed from each person's level history`}
    >
      {body}
    </DashboardCard>
  );
}
