import { Anchor, Button, Center, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { StakeholderSummary } from '@/features/stakeholders/components/stakeholder-summary';
import summaryClasses from '@/features/stakeholders/components/stakeholder-summary.module.css';
import { usePageTitle } from '@/lib/use-page-title';

/** One person's summary on its own page, without the app's navigation, ready for one A4 sheet. */
export function StakeholderPrintRoute() {
  const { stakeholderId = '' } = useParams();
  const journey = useQuery(stakeholderQueries.journey(stakeholderId));
  const { data: session } = useQuery(sessionQueries.current());
  usePageTitle(journey.data ? `Summary: ${journey.data.stakeholder.name}` : 'Stakeholder summary');

  return (
    <main className={summaryClasses.backdrop}>
      <div className={summaryClasses.toolbar}>
        <Anchor component={Link} to={`/stakeholders/${stakeholderId}`} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <IconArrowLeft size={14} /> Back to their page
        </Anchor>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            One A4 page. Confidential: keep it with you.
          </Text>
          <Button size="xs" leftSection={<IconPrinter size={14} />} onClick={() => window.print()} disabled={!journey.data}>
            Print
          </Button>
        </Group>
      </div>
      {journey.isPending ? (
        <LoadingState label="Preparing the summary…" />
      ) : journey.isError ? (
        <Center p="xl">
          <ErrorState error={journey.error} title="The summary could not be prepared" onRetry={() => void journey.refetch()} />
        </Center>
      ) : (
        <StakeholderSummary journey={journey.data} printedBy={session?.user.displayName ?? session?.user.email ?? 'Soundings'} />
      )}
    </main>
  );
}
