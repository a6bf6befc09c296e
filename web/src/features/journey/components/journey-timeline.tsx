import { ConfidentialBadge, fearWords, WithheldText } from '@/components/confidential';
import { Anchor, Badge, Blockquote, Button, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Timeline, VisuallyHidden } from '@mantine/core';
import {
  COMMITMENT_LADDER,
  FEAR_CATEGORY_LABELS,
  FEAR_STATUS_LABELS,
  NARRATIVE_RESPONSE_LABELS,
  PILOT_STATUS_LABELS,
  INITIATIVE_KIND_LABELS,
  SOUNDING_CHANNEL_LABELS,
  type Briefing,
  type CommitmentChange,
  type Fear,
  type Initiative,
  type IsoDate,
  type Sounding,
  type TimelineEvent,
} from '@soundings/shared';
import {
  IconArrowRight,
  IconCalendarEvent,
  IconCircleCheck,
  IconPencil,
  IconFlask,
  IconMessageCircle,
  IconMessageExclamation,
  IconPresentation,
  IconStairsUp,
  IconThumbDown,
  IconThumbUp,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { formatDate, formatRelativeDays } from '@/lib/dates';

type TimelineEntry =
  | { kind: 'sounding'; on: IsoDate; sounding: Sounding; change: CommitmentChange | null }
  | { kind: 'fear_voiced'; on: IsoDate; fear: Fear }
  | { kind: 'fear_resolved'; on: IsoDate; fear: Fear }
  | { kind: 'commitment_change'; on: IsoDate; change: CommitmentChange }
  | { kind: 'briefing'; on: IsoDate; briefing: Briefing }
  | Extract<TimelineEvent, { kind: 'pilot' | 'initiative' }>;

/**
 * Newest first, with each sounding carrying the fears and the level change it produced, so the same
 * conversation is not told three times.
 */
export function timelineEntries(timeline: TimelineEvent[]): TimelineEntry[] {
  const soundingIds = new Set(timeline.flatMap((event) => (event.kind === 'sounding' ? [event.sounding.id] : [])));
  const changeBySounding = new Map<string, CommitmentChange>();
  for (const event of timeline) {
    if (event.kind === 'commitment_change' && event.change.soundingId && soundingIds.has(event.change.soundingId)) {
      changeBySounding.set(event.change.soundingId, event.change);
    }
  }
  const entries: TimelineEntry[] = [];
  for (const event of timeline) {
    if (event.kind === 'sounding') {
      entries.push({ ...event, change: changeBySounding.get(event.sounding.id) ?? null });
    } else if (event.kind === 'commitment_change') {
      if (!(event.change.soundingId && soundingIds.has(event.change.soundingId))) entries.push(event);
    } else if (event.kind === 'fear_voiced') {
      if (!(event.fear.soundingId && soundingIds.has(event.fear.soundingId))) entries.push(event);
    } else {
      entries.push(event);
    }
  }
  return entries.reverse();
}

/** "Owned by Dana Okafor · with Sam Reed, Priya Shah and 2 others", or "Led by HR · …" when no leader owns it. */
export function initiativeParties(initiative: Initiative): string {
  const owner = initiative.owner && initiative.owner.role !== 'hr' ? `Owned by ${initiative.owner.name}` : 'Led by HR';
  const names = initiative.involved.map((person) => person.name);
  if (names.length === 0) return owner;
  const shown = names.length > 3 ? [...names.slice(0, 2), `${names.length - 2} others`] : names;
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  return `${owner} · with ${list}`;
}

function LevelChange({ change }: { change: CommitmentChange }) {
  return (
    <Group gap={6} wrap="wrap">
      {change.fromLevel ? <CommitmentBadge level={change.fromLevel} size="sm" /> : <Text size="xs">Start</Text>}
      <IconArrowRight size={14} color="var(--mantine-color-gray-6)" aria-label="to" />
      <CommitmentBadge level={change.toLevel} size="sm" variant="filled" />
    </Group>
  );
}

function NoteSection({ label, children }: { label: string; children: string | null }) {
  if (!children) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children}
      </Text>
    </div>
  );
}

function FearLine({ fear }: { fear: Fear }) {
  return (
    // The badges go under the words when the card is too narrow for both, rather than squeeze them.
    <Group gap="xs" align="flex-start">
      <Text size="sm" fs="italic" style={{ flex: '1 1 16em' }}>
        {fearWords(fear)}
      </Text>
      <Badge size="xs" variant="default" tt="none" style={{ flexShrink: 0 }}>
        {FEAR_CATEGORY_LABELS[fear.category]}
      </Badge>
      <Badge size="xs" variant="light" color={fear.status === 'resolved' ? 'teal' : fear.status === 'addressing' ? 'blue' : 'orange'} style={{ flexShrink: 0 }}>
        {FEAR_STATUS_LABELS[fear.status]}
      </Badge>
    </Group>
  );
}

/** The listed priorities that came up and how narratives landed, each reaction in words with its icon. */
function WhatCameUp({ sounding }: { sounding: Sounding }) {
  if (sounding.priorities.length === 0 && sounding.narratives.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm">
      {sounding.priorities.length > 0 && (
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
            Priorities that came up
          </Text>
          <Group gap={6} mt={4}>
            {sounding.priorities.map((priority) => (
              <Badge key={priority.id} variant="light" color="indigo" tt="none" size="sm">
                {priority.title} · {priority.businessFunction}
              </Badge>
            ))}
          </Group>
        </div>
      )}
      {sounding.narratives.length > 0 && (
        <div>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
            Narratives
          </Text>
          <Stack gap={4} mt={4}>
            {sounding.narratives.map(({ narrative, response }) => (
              <Group key={narrative.id} gap={6} wrap="nowrap">
                <ThemeIcon size={18} radius="xl" variant="light" color={response === 'resonated' ? 'teal' : 'red'} aria-hidden>
                  {response === 'resonated' ? <IconThumbUp size={12} /> : <IconThumbDown size={12} />}
                </ThemeIcon>
                <Text size="sm">
                  {narrative.title}: <strong>{NARRATIVE_RESPONSE_LABELS[response].toLowerCase()}</strong>
                </Text>
              </Group>
            ))}
          </Stack>
        </div>
      )}
    </SimpleGrid>
  );
}

interface SoundingEntryProps {
  sounding: Sounding;
  change: CommitmentChange | null;
  /** Just saved: shown highlighted so it is found at once. */
  highlighted: boolean;
  editPath: string | null;
}

function SoundingEntry({ sounding, change, highlighted, editPath }: SoundingEntryProps) {
  const hasNotes = sounding.developmentalExperience || sounding.benefitsSeen || sounding.personalCost || sounding.prioritiesServed;
  return (
    <Paper
      withBorder
      p="md"
      mt={6}
      id={`sounding-${sounding.id}`}
      data-highlighted={highlighted || undefined}
      bg={highlighted ? 'teal.0' : undefined}
      style={highlighted ? { borderColor: 'var(--mantine-color-teal-6)', boxShadow: '0 0 0 1px var(--mantine-color-teal-6)' } : undefined}
    >
      <Stack gap="sm">
        {/* The edit button shares the first line with the level change, not a line of its own. */}
        {(highlighted || change || editPath) && (
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs">
              {highlighted && (
                <Badge color="teal" variant="filled" size="sm">
                  Just saved
                </Badge>
              )}
              {change && <LevelChange change={change} />}
            </Group>
            {editPath && (
              <Button component={Link} to={editPath} variant="subtle" size="compact-xs" leftSection={<IconPencil size={12} />}>
                Edit<VisuallyHidden> the sounding of {formatDate(sounding.heldOn)}</VisuallyHidden>
              </Button>
            )}
          </Group>
        )}
        {sounding.confidential && <ConfidentialBadge />}
        {sounding.redacted ? (
          <WithheldText />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {sounding.summary}
          </Text>
        )}
        {hasNotes && (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm" verticalSpacing="sm">
            <NoteSection label="Their own developmental relationship">{sounding.developmentalExperience}</NoteSection>
            <NoteSection label="What they would gain">{sounding.benefitsSeen}</NoteSection>
            <NoteSection label="What it would cost them">{sounding.personalCost}</NoteSection>
            <NoteSection label="Priorities it serves">{sounding.prioritiesServed}</NoteSection>
          </SimpleGrid>
        )}
        <WhatCameUp sounding={sounding} />
        {sounding.fears.length > 0 && (
          <Stack gap={6}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" lts={0.3}>
              Fears voiced ({sounding.fears.length})
            </Text>
            {sounding.fears.map((fear) => (
              <FearLine key={fear.id} fear={fear} />
            ))}
          </Stack>
        )}
        {(sounding.nextStep || sounding.followUpOn) && (
          <Paper bg="gray.0" p="xs" radius="sm">
            <Text size="sm">
              <Text span fw={600}>
                Next step:
              </Text>{' '}
              {sounding.nextStep ?? 'not set'}
              {sounding.followUpOn && (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · follow up by {formatDate(sounding.followUpOn)}
                </Text>
              )}
            </Text>
          </Paper>
        )}
      </Stack>
    </Paper>
  );
}

function EntryTitle({ title, on, extra }: { title: ReactNode; on: IsoDate; extra?: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Group gap={6}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        {extra}
      </Group>
      <Text size="xs" c="dimmed" title={formatRelativeDays(on)} style={{ whiteSpace: 'nowrap' }}>
        {formatDate(on)}
      </Text>
    </Group>
  );
}

function briefingParties(briefing: Briefing): string {
  const briefer = briefing.briefer?.name ?? 'HR';
  const audience = briefing.topTeam ? 'the top team' : (briefing.audience?.name ?? 'their audience');
  return `${briefer} briefed ${audience}`;
}

function bullet(icon: ReactNode, color: string) {
  return (
    <ThemeIcon size={26} radius="xl" color={color} variant="light">
      {icon}
    </ThemeIcon>
  );
}

interface JourneyTimelineProps {
  timeline: TimelineEvent[];
  /** The sounding just saved, shown highlighted. */
  highlightSoundingId?: string | null;
  /** Where a sounding is corrected, or null where this reader may not. */
  soundingEditPath?: (sounding: Sounding) => string | null;
}

/**
 * The newest entries shown at first. A long-courted leader has years of them; drawing them all held the page's
 * first paint on a phone, and what matters next is in the latest few. The rest are one button away.
 */
export const FIRST_TIMELINE_ENTRIES = 10;

export function JourneyTimeline({ timeline, highlightSoundingId = null, soundingEditPath }: JourneyTimelineProps) {
  const entries = timelineEntries(timeline);
  const [limit, setLimit] = useState(FIRST_TIMELINE_ENTRIES);
  // A highlighted sounding (just saved or corrected) is always shown, however far down it is.
  const highlightedAt = highlightSoundingId ? entries.findIndex((entry) => entry.kind === 'sounding' && entry.sounding.id === highlightSoundingId) : -1;
  const shown = entries.slice(0, Math.max(limit, highlightedAt + 1));
  const hidden = entries.length - shown.length;
  return (
    <>
      <Timeline bulletSize={26} lineWidth={2} aria-label="Timeline">
        {shown.map((entry) => {
          switch (entry.kind) {
            case 'sounding':
              return (
                <Timeline.Item
                  key={`sounding-${entry.sounding.id}`}
                  bullet={bullet(<IconMessageCircle size={15} />, 'indigo')}
                  title={
                    <EntryTitle
                      title="Sounding"
                      on={entry.on}
                      extra={
                        <Text size="xs" c="dimmed">
                          {SOUNDING_CHANNEL_LABELS[entry.sounding.channel]}
                          {entry.sounding.conductedByPerson ? (
                            <>
                              {' · by '}
                              <Anchor component={Link} to={`/stakeholders/${entry.sounding.conductedByPerson.id}`} size="xs">
                                {entry.sounding.conductedByPerson.name}
                              </Anchor>
                            </>
                          ) : entry.sounding.conductedBy ? (
                            ` · by ${entry.sounding.conductedBy}`
                          ) : (
                            ''
                          )}
                        </Text>
                      }
                    />
                  }
                >
                  <SoundingEntry
                    sounding={entry.sounding}
                    change={entry.change}
                    highlighted={entry.sounding.id === highlightSoundingId}
                    editPath={entry.sounding.redacted ? null : (soundingEditPath?.(entry.sounding) ?? null)}
                  />
                </Timeline.Item>
              );
            case 'commitment_change':
              return (
                <Timeline.Item
                  key={`change-${entry.change.id}`}
                  bullet={bullet(<IconStairsUp size={15} />, COMMITMENT_LADDER[entry.change.toLevel].color)}
                  title={<EntryTitle title="Level change" on={entry.on} />}
                >
                  <Stack gap={6} mt={6}>
                    <LevelChange change={entry.change} />
                    {entry.change.reason && (
                      <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-wrap' }}>
                        {entry.change.reason}
                      </Text>
                    )}
                  </Stack>
                </Timeline.Item>
              );
            case 'fear_voiced':
              return (
                <Timeline.Item
                  key={`voiced-${entry.fear.id}`}
                  bullet={bullet(<IconMessageExclamation size={15} />, 'orange')}
                  title={<EntryTitle title="Fear voiced" on={entry.on} />}
                >
                  <Stack gap={4} mt={6}>
                    <FearLine fear={entry.fear} />
                  </Stack>
                </Timeline.Item>
              );
            case 'briefing':
              return (
                <Timeline.Item
                  key={`briefing-${entry.briefing.id}`}
                  bullet={bullet(<IconPresentation size={15} />, 'grape')}
                  title={<EntryTitle title="Briefing" on={entry.on} extra={<Text size="xs" c="dimmed">{briefingParties(entry.briefing)}</Text>} />}
                >
                  <Stack gap={6} mt={6}>
                    {entry.briefing.brief && (
                      <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-wrap' }}>
                        <Text span fw={600} size="sm">
                          Brief:
                        </Text>{' '}
                        {entry.briefing.brief}
                      </Text>
                    )}
                    {entry.briefing.outcome && (
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        <Text span fw={600} size="sm">
                          Outcome:
                        </Text>{' '}
                        {entry.briefing.outcome}
                      </Text>
                    )}
                  </Stack>
                </Timeline.Item>
              );
            case 'fear_resolved':
              return (
                <Timeline.Item
                  key={`resolved-${entry.fear.id}`}
                  bullet={bullet(<IconCircleCheck size={15} />, 'teal')}
                  title={<EntryTitle title="Fear resolved" on={entry.on} />}
                >
                  <Blockquote color="teal" p="xs" mt={6} fz="sm" iconSize={0} styles={{ root: { fontStyle: 'italic' } }}>
                    {fearWords(entry.fear)}
                  </Blockquote>
                  {entry.fear.response && (
                    <Text size="sm" mt={4}>
                      <Text span fw={600}>
                        Response:
                      </Text>{' '}
                      {entry.fear.response}
                    </Text>
                  )}
                </Timeline.Item>
              );
            case 'pilot':
              return (
                <Timeline.Item
                  key={`pilot-${entry.pilot.id}`}
                  bullet={bullet(<IconFlask size={15} />, 'cyan')}
                  title={<EntryTitle title={entry.pilot.startOn ? 'Sponsored pilot starts' : 'Sponsored pilot proposed'} on={entry.on} />}
                >
                  <Group gap="xs" mt={6} wrap="wrap">
                    <Anchor component={Link} to={`/pilots/${entry.pilot.id}`} size="sm" fw={600}>
                      {entry.pilot.name}
                    </Anchor>
                    <Badge size="sm" variant="light" color="cyan">
                      {PILOT_STATUS_LABELS[entry.pilot.status]}
                    </Badge>
                  </Group>
                  {entry.pilot.latestProof ? (
                    <Text size="sm" mt={4}>
                      <Text span fw={600}>
                        Latest proof ({formatDate(entry.pilot.latestProof.observedOn)}):
                      </Text>{' '}
                      {entry.pilot.latestProof.result}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed" mt={4}>
                      No results yet
                    </Text>
                  )}
                </Timeline.Item>
              );
            case 'initiative':
              return (
                <Timeline.Item
                  key={`initiative-${entry.initiative.id}`}
                  bullet={bullet(<IconCalendarEvent size={15} />, 'blue')}
                  title={
                    <EntryTitle
                      title={INITIATIVE_KIND_LABELS[entry.initiative.kind]}
                      on={entry.on}
                      extra={<Text size="xs" c="dimmed">{initiativeParties(entry.initiative)}</Text>}
                    />
                  }
                >
                  <Stack gap={4} mt={6}>
                    <Text size="sm" fw={500}>
                      {entry.initiative.title}
                    </Text>
                    {entry.initiative.description && (
                      <Text size="sm" c="dark.5" style={{ whiteSpace: 'pre-wrap' }}>
                        {entry.initiative.description}
                      </Text>
                    )}
                  </Stack>
                </Timeline.Item>
              );
          }
        })}
      </Timeline>
      {hidden > 0 && (
        <Button variant="default" size="sm" mt="md" onClick={() => setLimit(entries.length)}>
          Show {hidden} earlier {hidden === 1 ? 'entry' : 'entries'}
        </Button>
      )}
    </>
  );
}
