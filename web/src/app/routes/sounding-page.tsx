import { Anchor, Breadcrumbs, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Sounding, Stakeholder } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { PageHeader } from '@/components/page-header';
import { LoadingState } from '@/components/states/loading-state';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { SignInAgainDialog } from '@/features/auth/components/sign-in-again-dialog';
import { OpenFearsFollowUp } from '@/features/fears/components/open-fears-follow-up';
import { SoundingForm } from '@/features/soundings/components/sounding-form';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';

/** Where the person's page opens after a save: at the top, with the saved entry highlighted. */
export interface SavedSoundingState {
  savedSoundingId: string;
}

interface SoundingPageProps {
  person: Stakeholder;
  /** The sounding to correct; without it the page logs a new one. */
  sounding?: Sounding;
  crumb: string;
  title: string;
  description: string;
  above?: ReactNode;
}

/** The page around the sounding form, for logging one and for correcting one. */
export function SoundingPage({ person, sounding, crumb, title, description, above }: SoundingPageProps) {
  const navigate = useNavigate();
  const session = useQuery(sessionQueries.current());
  const backTo = `/stakeholders/${person.id}`;
  if (!session.data) return <LoadingState label="Loading…" />;
  const { user } = session.data;

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
              {crumb}
            </Text>
          </Breadcrumbs>
        }
        title={title}
        description={
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {description}
            </Text>
            <CommitmentBadge level={person.commitment} size="sm" />
          </Group>
        }
      />
      <Stack gap="md">
        {above}
        <SoundingForm
          // A different sounding or person is a different form, with its own draft.
          key={sounding?.id ?? person.id}
          stakeholderId={person.id}
          stakeholderName={person.name}
          businessFunction={person.businessFunction}
          currentCommitment={person.commitment}
          author={{ id: user.id, email: user.email, displayName: user.displayName }}
          sounding={sounding}
          onCancel={() => void navigate(backTo)}
          onSaved={(saved) => {
            notifications.show({
              color: 'teal',
              title: sounding ? 'Correction saved' : 'Sounding saved',
              message: `${person.name}'s path is up to date.`,
            });
            void navigate(backTo, { state: { savedSoundingId: saved.id } satisfies SavedSoundingState });
          }}
          renderConductorPicker={({ id, label, value, onChange, excludeId, error }) => (
            <PersonPicker
              id={id}
              label={label}
              value={value}
              onChange={(picked) => onChange(picked)}
              excludeId={excludeId}
              error={error}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          renderSignInAgain={(props) => <SignInAgainDialog {...props} />}
          openFears={sounding ? undefined : <OpenFearsFollowUp stakeholderId={person.id} />}
        />
      </Stack>
    </Stack>
  );
}
