import { Anchor, Breadcrumbs, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { PageHeader } from '@/components/page-header';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { PreviousSounding } from '@/features/soundings/components/previous-sounding';
import { soundingQueries } from '@/features/soundings/api/sounding-queries';
import { SoundingForm } from '@/features/soundings/components/sounding-form';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { usePageTitle } from '@/lib/use-page-title';

function NewSoundingPage() {
  const { stakeholderId = '' } = useParams();
  const navigate = useNavigate();
  const stakeholder = useQuery(stakeholderQueries.detail(stakeholderId));
  const soundings = useQuery(soundingQueries.byStakeholder(stakeholderId));
  usePageTitle(stakeholder.data ? `Sounding with ${stakeholder.data.name}` : 'Log a sounding');
  const backTo = `/stakeholders/${stakeholderId}`;

  if (stakeholder.isPending) return <LoadingState label="Loading…" />;
  if (stakeholder.isError) {
    return <ErrorState error={stakeholder.error} title="This stakeholder could not be loaded" onRetry={() => void stakeholder.refetch()} />;
  }
  const person = stakeholder.data;

  return (
    <Stack gap={0} maw={960}>
      <PageHeader
        above={
          <Breadcrumbs separatorMargin={6}>
            <Anchor component={Link} to="/stakeholders" size="sm">
              Stakeholders
            </Anchor>
            <Anchor component={Link} to={backTo} size="sm">
              {person.name}
            </Anchor>
            <Text size="sm" c="dimmed">
              Log a sounding
            </Text>
          </Breadcrumbs>
        }
        title={`Log a sounding with ${person.name}`}
        description={
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              A one-to-one conversation. Each question below is the sounding guide; answer what you covered.
            </Text>
            <CommitmentBadge level={person.commitment} size="sm" />
          </Group>
        }
      />
      <Stack gap="md">
        {soundings.isPending ? null : soundings.isError ? (
          <Text size="sm" c="dimmed">
            The previous sounding could not be loaded.
          </Text>
        ) : (
          <PreviousSounding sounding={soundings.data[0] ?? null} />
        )}
        <SoundingForm
          stakeholderId={person.id}
          stakeholderName={person.name}
          businessFunction={person.businessFunction}
          currentCommitment={person.commitment}
          onCancel={() => void navigate(backTo)}
          onSaved={() => {
            notifications.show({ color: 'teal', title: 'Sounding saved', message: `${person.name}'s path is up to date.` });
            void navigate(backTo);
          }}
        />
      </Stack>
    </Stack>
  );
}

export function NewSoundingRoute() {
  return (
    <RequirePermission permission="campaign:write" description="Viewers read the campaign but do not log soundings. Ask an admin if you need to.">
      <NewSoundingPage />
    </RequirePermission>
  );
}
