import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { PreviousSounding } from '@/features/soundings/components/previous-sounding';
import { soundingQueries } from '@/features/soundings/api/sounding-queries';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { usePageTitle } from '@/lib/use-page-title';
import { SoundingPage } from './sounding-page';

function NewSoundingPage() {
  const { stakeholderId = '' } = useParams();
  const stakeholder = useQuery(stakeholderQueries.detail(stakeholderId));
  const soundings = useQuery(soundingQueries.byStakeholder(stakeholderId));
  usePageTitle(stakeholder.data ? `Sounding with ${stakeholder.data.name}` : 'Log a sounding');

  if (stakeholder.isPending) return <LoadingState label="Loading…" />;
  if (stakeholder.isError) {
    return <ErrorState error={stakeholder.error} title="This stakeholder could not be loaded" onRetry={() => void stakeholder.refetch()} />;
  }
  const person = stakeholder.data;

  return (
    <SoundingPage
      person={person}
      crumb="Log a sounding"
      title={`Log a sounding with ${person.name}`}
      description="A one-to-one conversation. Each question below is the sounding guide; answer what you covered."
      above={
        soundings.isPending ? null : soundings.isError ? (
          <Text size="sm" c="dimmed">
            The previous sounding could not be loaded.
          </Text>
        ) : (
          <PreviousSounding sounding={soundings.data[0] ?? null} />
        )
      }
    />
  );
}

export function NewSoundingRoute() {
  return (
    <RequirePermission permission="campaign:write" description="Viewers read the campaign but do not log soundings. Ask an admin if you need to.">
      <NewSoundingPage />
    </RequirePermission>
  );
}
