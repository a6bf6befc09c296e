import { Alert, Anchor, Badge, Breadcrumbs, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { STAKEHOLDER_ROLE_LABELS, type Sounding, type TimelineEvent } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconEdit, IconEraser, IconMessagePlus, IconPrinter, IconStairsUp, IconStarFilled, IconTimeline } from '@tabler/icons-react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { lazy, Suspense, useLayoutEffect } from 'react';
import type { SavedSoundingState } from './sounding-page';
import { Fact } from '@/components/fact';
import { PageShortcut } from '@/components/keyboard/shortcuts';
import { CommitmentBadge, CommitmentGap } from '@/components/commitment-badge';
import { ChampionVerdictBadge } from '@/features/champions/components/champion-verdict-badge';
import { WithheldText } from '@/components/confidential';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { ExpectationsSection } from '@/features/expectations/components/expectations-section';
import { JourneyTimeline } from '@/features/journey/components/journey-timeline';
import { PathTrack } from '@/features/journey/components/path-track';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { lazyDialog } from '@/components/lazy-dialog';
import { ContactCadenceCard } from '@/features/stakeholders/components/contact-cadence-card';
import { LastContact } from '@/features/stakeholders/components/last-contact';
import { WhoTheyLookTo } from '@/features/stakeholders/components/who-they-look-to';
import { isApiError } from '@/lib/api-client';
import { daysSince, formatDate } from '@/lib/dates';
import { RelativeDay } from '@/components/relative-day';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';
import classes from './stakeholder.module.css';
import { notifyDeleted } from '@/components/deleted-notification';

// Drawn after the first screen, from a chunk of their own (see stakeholder-sections.tsx).
const StakeholderMoreSections = lazy(() => import('./stakeholder-sections').then((m) => ({ default: m.StakeholderMoreSections })));
const StakeholderRecordSections = lazy(() => import('./stakeholder-sections').then((m) => ({ default: m.StakeholderRecordSections })));

// Only a dialog shows the picker (with its search and select), so its code arrives when one opens.
const PersonPicker = lazy(() => import('@/features/stakeholders/components/person-picker').then((m) => ({ default: m.PersonPicker })));

// Both dialogs (the whole stakeholder form, the date field) load when first opened, not with the page.
const EditStakeholderModal = lazyDialog(() => import('@/features/stakeholders/components/edit-stakeholder-modal').then((m) => m.EditStakeholderModal));
const CommitmentChangeModal = lazyDialog(() => import('@/features/stakeholders/components/commitment-change-modal').then((m) => m.CommitmentChangeModal));

function latestSounding(timeline: TimelineEvent[]): Sounding | null {
  for (let i = timeline.length - 1; i >= 0; i -= 1) {
    const event = timeline[i];
    if (event.kind === 'sounding') return event.sounding;
  }
  return null;
}

export function StakeholderRoute() {
  const { stakeholderId = '' } = useParams();
  const navigate = useNavigate();
  const journey = useQuery(stakeholderQueries.journey(stakeholderId));
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const [changingLevel, { open: openLevel, close: closeLevel }] = useDisclosure(false);
  const canWriteCampaign = useCan('campaign:write');
  usePageTitle(journey.data?.stakeholder.name);
  // Back from saving a sounding: the page opens at its top (the path), with the new entry highlighted below.
  const savedSoundingId = (useLocation().state as SavedSoundingState | null)?.savedSoundingId ?? null;
  useLayoutEffect(() => {
    if (savedSoundingId) window.scrollTo({ top: 0 });
  }, [savedSoundingId, journey.isPending]);

  const breadcrumbs = (name?: string) => (
    <Breadcrumbs separatorMargin={6}>
      <Anchor component={Link} to="/stakeholders" size="sm">
        Stakeholders
      </Anchor>
      {name && (
        <Text size="sm" c="dimmed">
          {name}
        </Text>
      )}
    </Breadcrumbs>
  );

  if (journey.isPending) return <LoadingState label="Loading their path…" />;
  if (journey.isError) {
    if (isApiError(journey.error) && journey.error.isNotFound) {
      return (
        <Stack>
          {breadcrumbs()}
          <EmptyState
            icon={<IconTimeline size={26} />}
            title="No such stakeholder"
            description="They may have been deleted, or the link is wrong."
            actions={
              <Button component={Link} to="/stakeholders" variant="default">
                Back to stakeholders
              </Button>
            }
          />
        </Stack>
      );
    }
    return (
      <Stack>
        {breadcrumbs()}
        <ErrorState error={journey.error} title="Their path could not be loaded" onRetry={() => void journey.refetch()} />
      </Stack>
    );
  }

  const { stakeholder, stages, timeline } = journey.data;
  // Nothing more is recorded about an erased person (the API refuses it), so nothing offers to.
  const canWrite = canWriteCampaign && stakeholder.erasedAt === null;
  const latest = latestSounding(timeline);
  const followUpLate = latest?.followUpOn ? daysSince(latest.followUpOn) > 0 : false;
  const subtitle = [stakeholder.title, stakeholder.businessFunction, STAKEHOLDER_ROLE_LABELS[stakeholder.role]]
    .filter(Boolean)
    .join(' · ');

  return (
    <Stack gap="lg">
      <Stack gap={8}>
        {breadcrumbs(stakeholder.name)}
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ minWidth: 0, flex: '1 1 420px' }}>
            <Group gap="sm" align="center">
              <Title order={1} fz={28}>
                {stakeholder.name}
              </Title>
              <CommitmentBadge level={stakeholder.commitment} size="lg" variant="filled" />
              {stakeholder.potentialChampion && (
                <Badge variant="light" color="yellow" leftSection={<IconStarFilled size={11} />}>
                  Potential champion
                </Badge>
              )}
              {stakeholder.potentialChampion && <ChampionVerdictBadge stakeholderId={stakeholder.id} />}
            </Group>
            <Group gap="sm">
              <Text c="dimmed">{subtitle}</Text>
              <CommitmentGap gap={stakeholder.commitmentGap} required={stakeholder.requiredCommitment} size="sm" />
            </Group>
          </Stack>
          <Group gap="sm">
            <Button component={Link} to={`/stakeholders/${stakeholder.id}/print`} variant="default" leftSection={<IconPrinter size={16} />}>
              Print
            </Button>
            {canWrite && (
              <>
                <Button variant="default" leftSection={<IconEdit size={16} />} onClick={openEdit}>
                  Edit details
                </Button>
                <Button variant="default" leftSection={<IconStairsUp size={16} />} onClick={openLevel}>
                  Record a level change
                </Button>
                <Button component={Link} to={`/stakeholders/${stakeholder.id}/soundings/new`} leftSection={<IconMessagePlus size={16} />} aria-keyshortcuts="n">
                  Log a sounding
                </Button>
                <PageShortcut keyName="n" description={`Log a sounding with ${stakeholder.name}`} run={() => void navigate(`/stakeholders/${stakeholder.id}/soundings/new`)} />
              </>
            )}
          </Group>
        </Group>
        {stakeholder.erasedAt && (
          <Alert color="gray" variant="light" icon={<IconEraser size={18} />} title="This person was erased">
            Their personal data was removed on {formatDate(stakeholder.erasedAt)}. What remains is anonymous and kept so the
            counts still add up; nothing more can be recorded about them.
          </Alert>
        )}
      </Stack>

      <Card component="section" aria-labelledby="path-heading">
        <Group justify="space-between" mb="lg">
          <Title order={2} fz="md" id="path-heading">
            Path to public support
          </Title>
          {stakeholder.commitmentSince && (
            <Text size="sm" c="dimmed">
              At this level since {formatDate(stakeholder.commitmentSince)}
            </Text>
          )}
        </Group>
        <PathTrack stages={stages} current={stakeholder.commitment} required={stakeholder.requiredCommitment} />
      </Card>

      <ExpectationsSection
        stakeholder={{ id: stakeholder.id, name: stakeholder.name }}
        canWrite={canWrite}
        renderChampionPicker={(props) => (
          <Suspense fallback={null}>
            <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />
          </Suspense>
        )}
      />

      <WhoTheyLookTo person={{ id: stakeholder.id, name: stakeholder.name }} canWrite={canWrite} />

      {/* On a phone what to do next and the facts come first, then the long timeline; beside it from md up. */}
      <div className={classes.body}>
        <Card component="section" aria-labelledby="next-heading" className={classes.next}>
          <Title order={2} fz="md" mb="md" id="next-heading">
            Next step
          </Title>
          {latest ? (
            <Stack gap="sm">
              {latest.redacted ? (
                <WithheldText />
              ) : (
                <Text size="sm">{latest.nextStep ?? 'No next step agreed at the last sounding.'}</Text>
              )}
              {latest.followUpOn && (
                <Text size="sm" c={followUpLate ? 'red.7' : 'dimmed'} fw={followUpLate ? 600 : 400}>
                  {followUpLate ? 'Follow-up overdue: it was due ' : 'Follow up '}
                  <RelativeDay on={latest.followUpOn} label="Follow up by" />
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Not sounded yet.
            </Text>
          )}
        </Card>
        <Card component="section" aria-labelledby="about-heading" className={classes.about}>
          <Title order={2} fz="md" mb="md" id="about-heading">
            About
          </Title>
          <Stack gap="sm">
            <Fact label="Last contact">
              <LastContact contact={stakeholder.contact} nextFollowUpOn={stakeholder.nextFollowUpOn} />
            </Fact>
            <Fact label="Open fears">
              {stakeholder.openFears > 0 ? (
                <Anchor component={Link} to={`/fears?stakeholderId=${stakeholder.id}`} size="sm">
                  {stakeholder.openFears} open
                </Anchor>
              ) : (
                'None open'
              )}
            </Fact>
            {stakeholder.email && (
              <Fact label="Email">
                <Anchor href={`mailto:${stakeholder.email}`} size="sm">
                  {stakeholder.email}
                </Anchor>
              </Fact>
            )}
            {stakeholder.reportsTo && (
              <Fact label="Reports to">
                <Anchor component={Link} to={`/stakeholders/${stakeholder.reportsTo.id}`} size="sm">
                  {stakeholder.reportsTo.name}
                </Anchor>
              </Fact>
            )}
            {stakeholder.influence !== null && <Fact label="Influence">{stakeholder.influence} of 5</Fact>}
          </Stack>
        </Card>
        <Card component="section" aria-labelledby="timeline-heading" className={classes.timeline}>
          <Group justify="space-between" mb="md">
            <Title order={2} fz="md" id="timeline-heading">
              Timeline
            </Title>
            <Text size="xs" c="dimmed">
              Newest first
            </Text>
          </Group>
          {timeline.length === 0 ? (
            <EmptyState
              compact
              icon={<IconMessagePlus size={22} />}
              title="No conversations yet"
              description={`Sound out ${stakeholder.name} one to one before asking for support in a group.`}
              actions={
                canWrite && (
                  <Button component={Link} to={`/stakeholders/${stakeholder.id}/soundings/new`} size="sm">
                    Log the first sounding
                  </Button>
                )
              }
            />
          ) : (
            <JourneyTimeline
                timeline={timeline}
                highlightSoundingId={savedSoundingId}
                soundingEditPath={canWrite ? (sounding) => `/stakeholders/${stakeholder.id}/soundings/${sounding.id}/edit` : undefined}
              />
          )}
        </Card>
        <Stack gap="lg" className={classes.more}>
          <ContactCadenceCard stakeholder={stakeholder} canWrite={canWrite} />
          <Suspense fallback={null}>
            <StakeholderMoreSections stakeholder={stakeholder} canWrite={canWrite} />
          </Suspense>
        </Stack>
      </div>

      <Suspense fallback={null}>
        <StakeholderRecordSections stakeholder={stakeholder} onErased={() => void navigate(`/stakeholders/${stakeholder.id}`, { replace: true })} />
      </Suspense>

      {canWrite && (
        <>
          <EditStakeholderModal
            stakeholder={stakeholder}
            opened={editing}
            onClose={closeEdit}
            onDeleted={() => {
              closeEdit();
              notifyDeleted({ id: stakeholder.id, title: 'Stakeholder deleted', message: `${stakeholder.name} has been removed.` });
              void navigate('/stakeholders');
            }}
          />
          <CommitmentChangeModal
            stakeholderId={stakeholder.id}
            stakeholderName={stakeholder.name}
            current={stakeholder.commitment}
            opened={changingLevel}
            onClose={closeLevel}
          />
        </>
      )}
    </Stack>
  );
}
