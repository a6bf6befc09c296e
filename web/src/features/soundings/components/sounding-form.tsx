import {
  ActionIcon,
  Alert,
  Button,
  Radio,
  Card,
  Checkbox,
  Group,
  Kbd,
  List,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  CAMPAIGN_START,
  fearIdentity,
  latestPlannableDay,
  FEAR_CATEGORIES,
  FEAR_CATEGORY_LABELS,
  LIMITS,
  SOUNDING_CHANNEL_LABELS,
  SOUNDING_CHANNELS,
  type CommitmentLevel,
  type CreateSoundingRequest,
  type FearCategory,
  type NarrativeResponse,
  type Sounding,
  type SoundingChannel,
  type StakeholderRef,
  type UpdateSoundingRequest,
} from '@soundings/shared';
import { useWindowEvent } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { StickyActions } from '@/components/sticky-actions';
import { holdSignOut, isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { textError } from '@/lib/format';
import { useCreateSounding } from '../api/create-sounding';
import { useUpdateSounding } from '../api/update-sounding';
import { CommitmentPicker, type LevelChoice, type SoundingLevel } from './commitment-picker';
import { LeaveGuard } from './leave-guard';
import { clearDraft, draftKey, readDraft, writeDraft, type StoredDraft } from './sounding-draft';
import { WhatCameUpFields } from './what-came-up-fields';
import { DateField } from '@/components/date-field';

interface FearRow {
  key: string;
  statement: string;
  category: FearCategory | null;
}

/** Who held the conversation: the signed-in account, a champion on record, or someone named in words. */
export type ConductorKind = 'me' | 'champion' | 'other';

export interface SoundingFormValues {
  heldOn: string;
  channel: SoundingChannel;
  conductedByKind: ConductorKind;
  /** The champion, when `conductedByKind` is `champion`. */
  conductedByPerson: StakeholderRef | null;
  /** Their name in words, when `conductedByKind` is `other`. */
  conductedBy: string;
  summary: string;
  developmentalExperience: string;
  fears: FearRow[];
  benefitsSeen: string;
  personalCost: string;
  prioritiesServed: string;
  /** Listed priorities that came up. */
  priorityIds: string[];
  /** Narrative id → how it landed; narratives not raised are left out. */
  narratives: Record<string, NarrativeResponse>;
  /** Nothing until they choose: "no change" is a choice of its own, never a default. */
  commitmentAfter: LevelChoice | null;
  nextStep: string;
  followUpOn: string;
  confidential: boolean;
}

type TextField = Exclude<
  keyof SoundingFormValues,
  'fears' | 'channel' | 'commitmentAfter' | 'confidential' | 'priorityIds' | 'narratives' | 'conductedByKind' | 'conductedByPerson'
>;

/** The signed-in account, as the form needs it. */
export interface SoundingAuthor {
  id: string;
  email: string;
  displayName: string | null;
}

export const authorName = (author: SoundingAuthor) => author.displayName?.trim() || author.email;
const CATEGORY_OPTIONS = FEAR_CATEGORIES.map((category) => ({ value: category, label: FEAR_CATEGORY_LABELS[category] }));
const CHANNEL_OPTIONS = SOUNDING_CHANNELS.map((channel) => ({ value: channel, label: SOUNDING_CHANNEL_LABELS[channel] }));

/** Field names as the API reports them, for messages that have no input of their own. */
const FIELD_NAMES: Record<string, string> = {
  heldOn: 'Date',
  channel: 'How',
  conductedBy: 'Held by',
  conductedById: 'Held by',
  summary: 'What they said',
  developmentalExperience: 'Their own developmental relationship',
  benefitsSeen: 'What they would gain',
  personalCost: 'What it would cost them',
  prioritiesServed: 'Priorities it serves',
  priorityIds: 'Listed priorities',
  narratives: 'Narratives',
  commitmentAfter: 'Where they stand now',
  nextStep: 'Next step',
  followUpOn: 'Follow up by',
  fears: 'Fears',
};

let rowSequence = 0;
const newFearRow = (): FearRow => ({ key: `fear-${++rowSequence}`, statement: '', category: null });

export function initialSoundingValues(): SoundingFormValues {
  return {
    heldOn: todayIso(),
    channel: 'in_person',
    conductedByKind: 'me',
    conductedByPerson: null,
    conductedBy: '',
    summary: '',
    developmentalExperience: '',
    fears: [],
    benefitsSeen: '',
    personalCost: '',
    prioritiesServed: '',
    priorityIds: [],
    narratives: {},
    commitmentAfter: null,
    nextStep: '',
    followUpOn: '',
    confidential: false,
  };
}

/** The form filled with a sounding on record, to correct it. */
export function valuesFromSounding(sounding: Sounding, author: SoundingAuthor): SoundingFormValues {
  const conductedByKind: ConductorKind = sounding.conductedByPerson
    ? 'champion'
    : sounding.conductedBy === null || sounding.conductedBy === authorName(author)
      ? 'me'
      : 'other';
  return {
    heldOn: sounding.heldOn,
    channel: sounding.channel,
    conductedByKind,
    conductedByPerson: sounding.conductedByPerson,
    conductedBy: conductedByKind === 'other' ? (sounding.conductedBy ?? '') : '',
    summary: sounding.summary,
    developmentalExperience: sounding.developmentalExperience ?? '',
    fears: [],
    benefitsSeen: sounding.benefitsSeen ?? '',
    personalCost: sounding.personalCost ?? '',
    prioritiesServed: sounding.prioritiesServed ?? '',
    priorityIds: sounding.priorities.map((priority) => priority.id),
    narratives: Object.fromEntries(sounding.narratives.map(({ narrative, response }) => [narrative.id, response])),
    commitmentAfter: sounding.commitmentAfter,
    nextStep: sounding.nextStep ?? '',
    followUpOn: sounding.followUpOn ?? '',
    confidential: sounding.confidential,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** What is sent for the level: "no change" is today's level, said again by this conversation. */
function chosenLevel(choice: LevelChoice | null, current: CommitmentLevel): SoundingLevel {
  if (choice === 'unchanged') return (current === 'not_sounded' ? 'sounded' : current) as SoundingLevel;
  return choice as SoundingLevel;
}

function conductor(values: SoundingFormValues, author: SoundingAuthor): { conductedBy: string | null; conductedById: string | null } {
  if (values.conductedByKind === 'champion') return { conductedBy: null, conductedById: values.conductedByPerson?.id ?? null };
  if (values.conductedByKind === 'me') return { conductedBy: authorName(author), conductedById: null };
  return { conductedBy: orNull(values.conductedBy), conductedById: null };
}

export function toCreateSoundingRequest(values: SoundingFormValues, current: CommitmentLevel, author: SoundingAuthor): CreateSoundingRequest {
  return {
    heldOn: values.heldOn,
    channel: values.channel,
    ...conductor(values, author),
    summary: values.summary.trim(),
    developmentalExperience: orNull(values.developmentalExperience),
    benefitsSeen: orNull(values.benefitsSeen),
    personalCost: orNull(values.personalCost),
    prioritiesServed: orNull(values.prioritiesServed),
    priorityIds: values.priorityIds,
    narratives: Object.entries(values.narratives).map(([narrativeId, response]) => ({ narrativeId, response })),
    commitmentAfter: chosenLevel(values.commitmentAfter, current),
    nextStep: orNull(values.nextStep),
    followUpOn: values.followUpOn || null,
    confidential: values.confidential,
    fears: values.fears.map((fear) => ({ statement: fear.statement.trim(), category: fear.category as FearCategory })),
  };
}

/** A correction sends every field as the form holds it, with the version it was loaded at. */
export function toUpdateSoundingRequest(values: SoundingFormValues, sounding: Sounding, author: SoundingAuthor): UpdateSoundingRequest {
  const { fears: _fears, ...fields } = toCreateSoundingRequest(values, sounding.commitmentAfter, author);
  return { ...fields, version: sounding.version };
}

const fearPath = (rowKey: string, field: 'statement' | 'category') => `fear:${rowKey}.${field}`;

function validate(values: SoundingFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.heldOn) errors.heldOn = 'Enter the date of the conversation.';
  else if (values.heldOn > todayIso()) errors.heldOn = 'A sounding cannot be in the future.';
  else if (values.heldOn < CAMPAIGN_START) errors.heldOn = `A sounding cannot be before ${CAMPAIGN_START}.`;
  const summaryError = textError(values.summary, 'text');
  if (!values.summary.trim()) errors.summary = 'Write down what they said, even in a line.';
  else if (summaryError) errors.summary = summaryError;
  if (!values.commitmentAfter) errors.commitmentAfter = 'Choose where they stand now, or "No change" if this conversation did not move them.';
  if (values.conductedByKind === 'champion' && !values.conductedByPerson) errors.conductedById = 'Choose the champion who held it, or another option.';
  if (values.followUpOn && values.heldOn && values.followUpOn < values.heldOn) {
    errors.followUpOn = 'The follow-up cannot be before the conversation.';
  } else if (values.followUpOn && values.followUpOn > latestPlannableDay()) {
    errors.followUpOn = 'Plan the follow-up within five years.';
  }
  const voiced = new Set<string>();
  for (const fear of values.fears) {
    const statementError = textError(fear.statement, 'text');
    if (!fear.statement.trim()) errors[fearPath(fear.key, 'statement')] = 'Write the fear in their words, or remove the row.';
    else if (statementError) errors[fearPath(fear.key, 'statement')] = statementError;
    else if (voiced.has(fearIdentity(fear.statement))) errors[fearPath(fear.key, 'statement')] = 'This fear is already listed above.';
    voiced.add(fearIdentity(fear.statement));
    if (!fear.category) errors[fearPath(fear.key, 'category')] = 'Pick a category.';
  }
  return errors;
}

/** The order the inputs appear in, so the first problem gets the focus. */
function fieldOrder(values: SoundingFormValues): string[] {
  return [
    'heldOn',
    'channel',
    'conductedById',
    'conductedBy',
    'summary',
    'developmentalExperience',
    ...values.fears.flatMap((fear) => [fearPath(fear.key, 'statement'), fearPath(fear.key, 'category')]),
    'benefitsSeen',
    'personalCost',
    'priorityIds',
    'narratives',
    'prioritiesServed',
    'commitmentAfter',
    'nextStep',
    'followUpOn',
  ];
}

const inputId = (path: string) => `sounding-${path.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

function Section({ step, title, children }: { step: number; title: string; children: ReactNode }) {
  return (
    <Card component="section" aria-labelledby={`sounding-section-${step}`}>
      <Group gap="sm" mb="md" wrap="nowrap">
        <Text
          fw={700}
          size="xs"
          c="indigo.7"
          bg="indigo.0"
          w={24}
          h={24}
          ta="center"
          lh="24px"
          style={{ borderRadius: '50%', flexShrink: 0 }}
          aria-hidden
        >
          {step}
        </Text>
        <Title order={2} fz="md" id={`sounding-section-${step}`}>
          {title}
        </Title>
      </Group>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

/** What the form needs from a person picker (the route supplies one that searches everyone on record). */
export interface ConductorPickerProps {
  id: string;
  label: string;
  value: StakeholderRef | null;
  onChange: (person: StakeholderRef | null) => void;
  excludeId: string;
  error?: string;
}

export interface SignInAgainProps {
  opened: boolean;
  email: string;
  onSignedIn: () => void;
  onCancel: () => void;
}

interface SoundingFormProps {
  stakeholderId: string;
  stakeholderName: string;
  /** Their function, whose priorities the form offers first. */
  businessFunction?: string | null;
  currentCommitment: CommitmentLevel;
  /** The signed-in account: drafts are kept per account, and "you" held the conversation by default. */
  author: SoundingAuthor;
  /** The sounding to correct; without it the form logs a new one. */
  sounding?: Sounding;
  onSaved: (sounding: Sounding) => void;
  onCancel: () => void;
  renderConductorPicker: (props: ConductorPickerProps) => ReactNode;
  /** The dialog that signs in again over the form when a save finds the session ended. */
  renderSignInAgain: (props: SignInAgainProps) => ReactNode;
  /** The person's open fears, to follow up on in this conversation. */
  openFears?: ReactNode;
}

const sameValues = (a: SoundingFormValues, b: SoundingFormValues) => JSON.stringify(a) === JSON.stringify(b);

function draftTime(savedAt: string): string {
  const at = new Date(savedAt);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === new Date().toDateString() ? `today at ${time}` : `${at.toLocaleDateString()} at ${time}`;
}

export function SoundingForm({
  stakeholderId,
  stakeholderName,
  businessFunction = null,
  currentCommitment,
  author,
  sounding,
  onSaved,
  onCancel,
  renderConductorPicker,
  renderSignInAgain,
  openFears,
}: SoundingFormProps) {
  const createSounding = useCreateSounding(stakeholderId);
  const updateSounding = useUpdateSounding(sounding?.id ?? '');
  const saving = sounding ? updateSounding : createSounding;
  const [initialValues] = useState(() => (sounding ? valuesFromSounding(sounding, author) : initialSoundingValues()));
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unplacedErrors, setUnplacedErrors] = useState<string[]>([]);
  const [signingIn, setSigningIn] = useState(false);
  const storageKey = draftKey(author.id, sounding ? { kind: 'edit', soundingId: sounding.id } : { kind: 'new', stakeholderId });
  // A draft from an earlier visit is offered, not forced: until they restore or discard it, it stays as it was.
  const [offeredDraft, setOfferedDraft] = useState<StoredDraft<SoundingFormValues> | null>(() => readDraft<SoundingFormValues>(storageKey));
  const [storageRefused, setStorageRefused] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const savedRef = useRef(false);
  const dirty = !sameValues(values, initialValues);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;

  // The session may end while they write; the form then signs in again in place instead of leaving.
  useEffect(() => holdSignOut(), []);

  useEffect(() => {
    if (offeredDraft || savedRef.current || !dirty) return;
    const timer = window.setTimeout(() => setStorageRefused(!writeDraft(storageKey, values)), 300);
    return () => window.clearTimeout(timer);
  }, [values, dirty, offeredDraft, storageKey]);

  // Notes taken minutes after a conversation are hard to write twice: warn before the tab closes on them.
  useWindowEvent('beforeunload', (event) => {
    if (!dirty || savedRef.current) return;
    if (!offeredDraft) writeDraft(storageKey, values);
    event.preventDefault();
  });

  const discardDraft = () => clearDraft(storageKey);

  const restoreDraft = () => {
    if (!offeredDraft) return;
    setValues({ ...initialSoundingValues(), ...offeredDraft.values });
    setOfferedDraft(null);
  };

  const cancel = () => {
    if (dirty && !window.confirm('Leave without saving this sounding? What you wrote will be lost.')) return;
    discardDraft();
    savedRef.current = true;
    onCancel();
  };

  const focusFirstError = (found: Record<string, string>, order: string[]) => {
    const first = order.find((path) => found[path]);
    if (!first) return;
    requestAnimationFrame(() => {
      const element =
        document.getElementById(inputId(first)) ??
        document.querySelector<HTMLElement>(`#${inputId(first)} input:checked, #${inputId(first)} input`);
      const target = element?.matches('input, textarea, button') ? element : element?.querySelector('input, textarea, button');
      (target as HTMLElement | null | undefined)?.focus();
    });
  };

  const clearError = (path: string) =>
    setErrors((current) => {
      if (!(path in current)) return current;
      const { [path]: _removed, ...rest } = current;
      return rest;
    });

  const setText = (field: TextField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };

  const updateFear = (key: string, changes: Partial<FearRow>) => {
    setValues((current) => ({
      ...current,
      fears: current.fears.map((fear) => (fear.key === key ? { ...fear, ...changes } : fear)),
    }));
    for (const field of Object.keys(changes) as ('statement' | 'category')[]) clearError(fearPath(key, field));
  };

  const addFear = () => {
    const row = newFearRow();
    setValues((current) => ({ ...current, fears: [...current.fears, row] }));
    requestAnimationFrame(() => document.getElementById(inputId(fearPath(row.key, 'statement')))?.focus());
  };

  const removeFear = (key: string) => {
    setValues((current) => ({ ...current, fears: current.fears.filter((fear) => fear.key !== key) }));
    clearError(fearPath(key, 'statement'));
    clearError(fearPath(key, 'category'));
  };

  /** Server paths are dotted (`fears.1.statement`); fear rows are tracked by key so removing one never shifts messages. */
  const placeServerErrors = (submitted: SoundingFormValues, fields: { field: string; message: string }[]) => {
    const placed: Record<string, string> = {};
    const unplaced: string[] = [];
    for (const { field, message } of fields) {
      const fearMatch = /^fears\.(\d+)\.(statement|category)$/.exec(field);
      const row = fearMatch ? submitted.fears[Number(fearMatch[1])] : undefined;
      // A list entry's message goes under its list (`priorityIds.1`, `narratives.0.narrativeId`).
      const linkList = /^(priorityIds|narratives)(\.|$)/.exec(field)?.[1];
      if (fearMatch && row) {
        placed[fearPath(row.key, fearMatch[2] as 'statement' | 'category')] ??= message;
      } else if (linkList) {
        placed[linkList] ??= message;
      } else if (field === 'conductedById' && submitted.conductedByKind === 'champion') {
        placed.conductedById ??= message;
      } else if (field === 'conductedBy' && submitted.conductedByKind === 'other') {
        placed.conductedBy ??= message;
      } else if (field in FIELD_NAMES && !['fears', 'channel', 'conductedBy', 'conductedById'].includes(field)) {
        placed[field] ??= message;
      } else {
        unplaced.push(`${FIELD_NAMES[field] ?? field}: ${message}`);
      }
    }
    return { placed, unplaced };
  };

  const saved = (result: Sounding) => {
    savedRef.current = true;
    discardDraft();
    onSaved(result);
  };

  const failed = (submitted: SoundingFormValues) => (error: Error) => {
    if (isApiError(error) && error.status === 401) {
      // Kept on the device first, in case they close the tab instead of signing in.
      writeDraft(storageKey, submitted);
      setSigningIn(true);
      return;
    }
    if (isApiError(error) && error.fields.length > 0) {
      const { placed, unplaced } = placeServerErrors(submitted, error.fields);
      setErrors(placed);
      setUnplacedErrors(unplaced);
      focusFirstError(placed, fieldOrder(submitted));
    }
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (saving.isPending) return;
    const found = validate(values);
    setErrors(found);
    setUnplacedErrors([]);
    if (Object.keys(found).length > 0) {
      focusFirstError(found, fieldOrder(values));
      return;
    }
    const submitted = values;
    if (sounding) {
      updateSounding.mutate(toUpdateSoundingRequest(submitted, sounding, author), { onSuccess: saved, onError: failed(submitted) });
    } else {
      createSounding.mutate(toCreateSoundingRequest(submitted, currentCommitment, author), { onSuccess: saved, onError: failed(submitted) });
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  };

  const mutationError = saving.error;
  const generalError =
    mutationError && !(isApiError(mutationError) && (mutationError.fields.length > 0 || mutationError.status === 401)) ? mutationError : null;

  const textArea = (field: TextField, label: string, description: string, placeholder?: string, minRows = 2) => (
    <Textarea
      id={inputId(field)}
      label={label}
      description={description}
      placeholder={placeholder}
      autosize
      minRows={minRows}
      maxRows={12}
      maxLength={LIMITS.longText}
      value={values[field]}
      onChange={(e) => setText(field, e.currentTarget.value)}
      error={errors[field]}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={`Sounding with ${stakeholderName}`}>
      <LeaveGuard shouldBlock={() => dirtyRef.current && !savedRef.current} onDiscard={discardDraft} />
      {renderSignInAgain({
        opened: signingIn,
        email: author.email,
        onSignedIn: () => {
          setSigningIn(false);
          submit();
        },
        onCancel: () => setSigningIn(false),
      })}
      <Stack gap="md">
        {offeredDraft && (
          <Alert color="blue" variant="light" title="You have an unsaved draft" role="status">
            <Stack gap="xs">
              <Text size="sm">
                A draft of this sounding from {draftTime(offeredDraft.savedAt)} is kept on this device. Restore it to carry on where you left off.
              </Text>
              <Group gap="sm">
                <Button size="xs" onClick={restoreDraft}>
                  Restore the draft
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => {
                    discardDraft();
                    setOfferedDraft(null);
                  }}
                >
                  Discard it
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {storageRefused && (
          <Alert color="yellow" variant="light" role="status">
            This browser does not let Soundings keep a draft on this device, so save before you leave the page.
          </Alert>
        )}
        {(generalError || unplacedErrors.length > 0) && (
          <Alert color="red" variant="light" title="The sounding was not saved" role="alert">
            {generalError ? generalError.message : null}
            {unplacedErrors.length > 0 && (
              <List size="sm">
                {unplacedErrors.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </Alert>
        )}

        <Section step={1} title="The conversation">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DateField
              id={inputId('heldOn')}
              label="Held on"
              required
              maxDate={todayIso()}
              value={values.heldOn}
              onChange={(day) => setText('heldOn', day)}
              error={errors.heldOn}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="sounding-channel-label">
                How
              </Text>
              <SegmentedControl
                aria-labelledby="sounding-channel-label"
                data={CHANNEL_OPTIONS}
                value={values.channel}
                onChange={(value) => setValues((current) => ({ ...current, channel: value as SoundingChannel }))}
                fullWidth
              />
            </Stack>
          </SimpleGrid>
          <Radio.Group
            label="Who held the conversation?"
            description="Choose a champion to count the conversation among their work."
            value={values.conductedByKind}
            onChange={(kind) => {
              setValues((current) => ({ ...current, conductedByKind: kind as ConductorKind }));
              clearError('conductedById');
              clearError('conductedBy');
            }}
          >
            <Group gap="lg" mt={6}>
              <Radio value="me" label={`You (${authorName(author)})`} />
              <Radio value="champion" label="A champion" />
              <Radio value="other" label="Someone else" />
            </Group>
          </Radio.Group>
          {values.conductedByKind === 'champion' &&
            renderConductorPicker({
              id: inputId('conductedById'),
              label: 'Champion who held it',
              value: values.conductedByPerson,
              onChange: (person) => {
                setValues((current) => ({ ...current, conductedByPerson: person }));
                clearError('conductedById');
              },
              excludeId: stakeholderId,
              error: errors.conductedById,
            })}
          {values.conductedByKind === 'other' && (
            <TextInput
              id={inputId('conductedBy')}
              label="Their name"
              placeholder="Who held the conversation"
              maxLength={LIMITS.shortText}
              value={values.conductedBy}
              onChange={(e) => setText('conductedBy', e.currentTarget.value)}
              error={errors.conductedBy}
            />
          )}
        </Section>

        <Section step={2} title="What they said">
          <Textarea
            id={inputId('summary')}
            label="What did they say?"
            description="The gist of the conversation, in their terms. A few lines is enough."
            required
            autoFocus
            autosize
            minRows={3}
            maxRows={14}
            maxLength={LIMITS.longText}
            value={values.summary}
            onChange={(e) => setText('summary', e.currentTarget.value)}
            error={errors.summary}
          />
          {textArea(
            'developmentalExperience',
            'Ask about their own experience of a powerful developmental relationship',
            'Who coached or mentored them, and what did it change for them?',
          )}
        </Section>

        <Section step={3} title="Fears">
          <div>
            <Text size="sm" fw={500}>
              Ask bluntly: what do they fear about a coaching and mentoring culture?
            </Text>
            <Text size="xs" c="dimmed">
              One row per fear, in their own words. Each becomes a fear you can track until it is resolved.
            </Text>
          </div>
          {openFears}
          {sounding && (
            <Text size="sm" c="dimmed">
              Fears voiced in this conversation are kept as fear records: change their words or status on the Fears page.
            </Text>
          )}
          {!sounding && values.fears.length === 0 && (
            <Text size="sm" c="dimmed" fs="italic">
              No fears recorded for this conversation.
            </Text>
          )}
          {values.fears.map((fear, index) => (
            <Group key={fear.key} align="flex-start" gap="sm" wrap="nowrap" role="group" aria-label={`Fear ${index + 1}`}>
              <Textarea
                id={inputId(fearPath(fear.key, 'statement'))}
                aria-label={`Fear ${index + 1} in their words`}
                placeholder="“I don't have time to coach anyone.”"
                autosize
                minRows={1}
                maxLength={LIMITS.longText}
                style={{ flex: 1 }}
                value={fear.statement}
                onChange={(e) => updateFear(fear.key, { statement: e.currentTarget.value })}
                error={errors[fearPath(fear.key, 'statement')]}
              />
              <Select
                id={inputId(fearPath(fear.key, 'category'))}
                aria-label={`Fear ${index + 1} category`}
                placeholder="Category"
                data={CATEGORY_OPTIONS}
                value={fear.category}
                onChange={(value) => updateFear(fear.key, { category: value as FearCategory | null })}
                error={errors[fearPath(fear.key, 'category')]}
                w={200}
                allowDeselect={false}
              />
              <Tooltip label="Remove this fear" withArrow>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  mt={2}
                  aria-label={`Remove fear ${index + 1}`}
                  onClick={() => removeFear(fear.key)}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <div hidden={Boolean(sounding)}>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={addFear}
              disabled={values.fears.length >= LIMITS.fearsPerSounding}
            >
              Add a fear
            </Button>
          </div>
        </Section>

        <Section step={4} title="Gains, costs and priorities">
          {textArea(
            'benefitsSeen',
            'What would they personally gain? How sustainable are the benefits?',
            'Benefits they see for themselves and their area, and whether they would last.',
          )}
          {textArea(
            'personalCost',
            'What would it cost them? Could they be a role model?',
            'Time, exposure, habits they would have to change; whether they could coach in front of their people.',
          )}
          <WhatCameUpFields
            stakeholderName={stakeholderName}
            businessFunction={businessFunction}
            priorityIds={values.priorityIds}
            onPriorityIdsChange={(priorityIds) => {
              setValues((current) => ({ ...current, priorityIds }));
              clearError('priorityIds');
            }}
            narratives={values.narratives}
            onNarrativeChange={(narrativeId, response) => {
              setValues((current) => {
                const { [narrativeId]: _previous, ...others } = current.narratives;
                return { ...current, narratives: response ? { ...others, [narrativeId]: response } : others };
              });
              clearError('narratives');
            }}
            priorityError={errors.priorityIds}
            narrativeError={errors.narratives}
          />
          {textArea(
            'prioritiesServed',
            'Anything else it serves: their priorities, narratives or values in their words',
            'Link coaching and mentoring to what they already care about, where no listed priority or narrative fits.',
          )}
        </Section>

        <Section step={5} title="Where they stand">
          <CommitmentPicker
            id={inputId('commitmentAfter')}
            value={values.commitmentAfter}
            onChange={(level) => {
              setValues((current) => ({ ...current, commitmentAfter: level }));
              clearError('commitmentAfter');
            }}
            current={currentCommitment}
            offerNoChange={!sounding}
            error={errors.commitmentAfter}
          />
        </Section>

        <Section step={6} title="Next step">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              id={inputId('nextStep')}
              label="What happens next, and who does it?"
              placeholder="Send the pilot outline; ask about a sponsor"
              maxLength={LIMITS.longText}
              value={values.nextStep}
              onChange={(e) => setText('nextStep', e.currentTarget.value)}
              error={errors.nextStep}
              style={{ gridColumn: 'span 2' }}
            />
            <DateField
              id={inputId('followUpOn')}
              label="Follow up by"
              minDate={values.heldOn || undefined}
              value={values.followUpOn}
              onChange={(day) => setText('followUpOn', day)}
              error={errors.followUpOn}
            />
          </SimpleGrid>
          <Checkbox
            mt="sm"
            label="Confidential"
            description="Only you and admins will see what was said and the fears' words; others see only that it happened and the level."
            checked={values.confidential}
            onChange={(e) => {
              const confidential = e.currentTarget.checked;
              setValues((current) => ({ ...current, confidential }));
            }}
          />
        </Section>

        <StickyActions>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> saves from anywhere in the form
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={cancel} disabled={saving.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={saving.isPending}>
                {sounding ? 'Save correction' : 'Save sounding'}
              </Button>
            </Group>
          </Group>
        </StickyActions>
      </Stack>
    </form>
  );
}
