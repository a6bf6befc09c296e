import { Button, Code, Grid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconChartBar, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { dashboardQueries } from '@/features/dashboard/api/dashboard-queries';
import { CoolingContacts, OverdueFollowUps } from '@/features/dashboard/components/attention-lists';
import { CommitmentFunnel } from '@/features/dashboard/components/commitment-funnel';
import { CommitmentTrendPanel } from '@/features/dashboard/components/commitment-trend';
import { DashboardCard } from '@/features/dashboard/components/dashboard-card';
import { DashboardStats } from '@/features/dashboard/components/dashboard-stats';
import { FunctionCoveragePanel } from '@/features/dashboard/components/function-coverage-panel';
import { OpenFearsByCategory } from '@/features/dashboard/components/open-fears-by-category';
import { SlippingPanel } from '@/features/dashboard/components/slipping-list';
import { ResponsibilityPanel } from '@/features/dashboard/components/responsibility-panel';
import { TopTeamCockpit } from '@/features/dashboard/components/top-team-cockpit';
import { TopTeamCoverage } from '@/features/dashboard/components/top-team-coverage';
import { RunningPilotsPanel } from '@/features/pilots/components/running-pilots-panel';
import { NextSoundingsPanel } from '@/features/recommendations/components/next-soundings-panel';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

export function DashboardRoute() {
  const dashboard = useQuery(dashboardQueries.summary());
  const canWrite = useCan('campaign:write');
  usePageTitle('Dashboard');

  const header = (
    <PageHeader
      title="Dashboard"
      description="Where the top team stands on coaching and mentoring, and who needs a conversation next."
    />
  );

  if (dashboard.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Loading the dashboard…" />
      </>
    );
  }
  if (dashboard.isError) {
    return (
      <>
        {header}
        <ErrorState error={dashboard.error} title="The dashboard could not be loaded" onRetry={() => void dashboard.refetch()} />
      </>
    );
  }

  const data = dashboard.data;
  if (data.totalStakeholders === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={<IconChartBar size={26} />}
          title="Nothing to show yet"
          description={
            <Stack gap={6} align="center">
              <Text size="sm" c="dimmed" ta="center" maw={520}>
                The dashboard fills in as you add stakeholders and log soundings. To explore with a demo organisation,
                run this in the project folder and reload:
              </Text>
              <Code fz="sm">npm run seed:demo</Code>
            </Stack>
          }
          actions={
            canWrite && (
              <Button component={Link} to="/stakeholders" leftSection={<IconPlus size={16} />}>
                Add stakeholders
              </Button>
            )
          }
        />
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="md">
        <DashboardStats dashboard={data} />
        <SlippingPanel />
        <NextSoundingsPanel />
        <TopTeamCockpit />
        <FunctionCoveragePanel />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <DashboardCard
              title="Commitment across the organisation"
              description="Everyone by level, in ladder order. Select a level to see who is there."
              seeAll={{ to: '/stakeholders?sort=-commitment', label: 'All stakeholders' }}
            >
              <CommitmentFunnel byCommitment={data.byCommitment} />
            </DashboardCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <DashboardCard
              title="Top-team coverage"
              description="Sounded one to one, and supportive or further"
              seeAll={{ to: '/stakeholders?role=top_team', label: 'Top team' }}
            >
              <TopTeamCoverage topTeam={data.topTeam} />
            </DashboardCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
            <DashboardCard
              title="Overdue follow-ups"
              description="Next steps whose date has passed with no contact since"
              seeAll={{ to: '/stakeholders?overdue=true', label: 'See all' }}
            >
              <OverdueFollowUps followUps={data.overdueFollowUps} total={data.overdueFollowUpsTotal} />
            </DashboardCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6, lg: 4 }}>
            <DashboardCard
              title="Cooling contacts"
              description="Once contacted, now past their ideal contact interval"
              seeAll={{ to: '/stakeholders?cooling=true', label: 'See all' }}
            >
              <CoolingContacts contacts={data.coolingContacts} total={data.coolingContactsTotal} />
            </DashboardCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <DashboardCard title="Unresolved fears by category" seeAll={{ to: '/fears', label: 'Fears board' }}>
              <OpenFearsByCategory openFearsByCategory={data.openFearsByCategory} />
            </DashboardCard>
          </Grid.Col>
        </Grid>
        <RunningPilotsPanel />
        <CommitmentTrendPanel />
        <ResponsibilityPanel />
      </Stack>
    </>
  );
}
