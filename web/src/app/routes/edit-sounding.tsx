import { Alert, Button } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { soundingQueries } from '@/features/soundings/api/sounding-queries';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { formatDate } from '@/lib/dates';
import { usePageTitle } from '@/lib/use-page-title';
import { SoundingPage } from './sounding-page';

function EditSoundingPage() {
  const { stakeholderId = '', soundingId = '' } = useParams();
  const stakeholder = useQuery(stakeholderQueries.detail(stakeholderId));
  // Always the version on record now, so the correction is made to what is stored.
  const sounding = useQuery({ ...soundingQueries.detail(soundingId), staleTime: 0, refetchOnWindowFocus: false });
  usePageTitle(stakeholder.data ? `Correct a sounding with ${stakeholder.data.name}` : 'Correct a sounding');

  if (stakeholder.isPending || sounding.isPending) return <LoadingState label="Loading…" />;
  if (stakeholder.isError) {
    return <ErrorState error={stakeholder.error} title="This stakeholder could not be loaded" onRetry={() => void stakeholder.refetch()} />;
  }
  if (sounding.isError) {
    return <ErrorState error={sounding.error} title="This sounding could not be loaded" onRetry={() => void sounding.refetch()} />;
  }
  const person = stakeholder.data;
  const note = sounding.data;
  if (note.stakeholderId !== person.id || note.redacted) {
    return (
      <Alert color="gray" variant="light" title="This sounding cannot be corrected here" role="alert">
        {note.redacted
          ? 'It is confidential: only its author or an admin can see and correct its words.'
          : 'It belongs to someone else’s path. Open it from their page.'}
        <div>
          <Button component={Link} to={`/stakeholders/${note.stakeholderId}`} variant="default" size="xs" mt="sm">
            Open their page
          </Button>
        </div>
      </Alert>
    );
  }

  return (
    <SoundingPage
      person={person}
      sounding={note}
      crumb="Correct a sounding"
      title={`Correct the sounding of ${formatDate(note.heldOn)}`}
      description={`With ${person.name}. A new date or level re-derives their path; the change is recorded in the audit trail.`}
    />
  );
}

export function EditSoundingRoute() {
  return (
    <RequirePermission permission="campaign:write" description="Viewers read the campaign but do not correct soundings. Ask an admin if you need to.">
      <EditSoundingPage />
    </RequirePermission>
  );
}
