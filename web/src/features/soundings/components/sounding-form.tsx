import {
  ActionIcon,
  Alert,
  Button,
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
} from '@soundings/shared';
import { useWindowEvent } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { StickyActions } from '@/components/sticky-actions';
import { isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { textError } from '@/lib/format';
import { useCreateSounding } from '../api/create-sounding';
import { CommitmentPicker, type SoundingLevel } from './commitment-picker';
import { WhatCameUpFields } from './what-came-up-fields';
import { DateField } from '@/components/date-field';

interface FearRow {
  key: string;
  statement: string;
  category: FearCategory | null;
}

export interface SoundingFormValues {
  heldOn: string;
  channel: SoundingChannel;
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
  commitmentAfter: SoundingLevel | null;
  nextStep: string;
  followUpOn: string;
  confidential: boolean;
}

type TextField = Exclude<keyof SoundingFormValues, 'fears' | 'channel' | 'commitmentAfter' | 'confidential' | 'priorityIds' | 'narratives'>;

const CONDUCTED_BY_STORAGE_KEY = 'soundings:conducted-by';
const CATEGORY_OPTIONS = FEAR_CATEGORIES.map((category) => ({ value: category, label: FEAR_CATEGORY_LABELS[category] }));
const CHANNEL_OPTIONS = SOUNDING_CHANNELS.map((channel) => ({ value: channel, label: SOUNDING_CHANNEL_LABELS[channel] }));

/** Field names as the API reports them, for messages that have no input of their own. */
const FIELD_NAMES: Record<string, string> = {
  heldOn: 'Date',
  channel: 'How',
  conductedBy: 'Conducted by',
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

function rememberedInterviewer(): string {
  try {
    return window.localStorage.getItem(CONDUCTED_BY_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function initialSoundingValues(current: CommitmentLevel): SoundingFormValues {
  return {
    heldOn: todayIso(),
    channel: 'in_person',
    conductedBy: rememberedInterviewer(),
    summary: '',
    developmentalExperience: '',
    fears: [],
    benefitsSeen: '',
    personalCost: '',
    prioritiesServed: '',
    priorityIds: [],
    narratives: {},
    commitmentAfter: current === 'not_sounded' ? 'sounded' : current,
    nextStep: '',
    followUpOn: '',
    confidential: false,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function toCreateSoundingRequest(values: SoundingFormValues): CreateSoundingRequest {
  return {
    heldOn: values.heldOn,
    channel: values.channel,
    conductedBy: orNull(values.conductedBy),
    summary: values.summary.trim(),
    developmentalExperience: orNull(values.developmentalExperience),
    benefitsSeen: orNull(values.benefitsSeen),
    personalCost: orNull(values.personalCost),
    prioritiesServed: orNull(values.prioritiesServed),
    priorityIds: values.priorityIds,
    narratives: Object.entries(values.narratives).map(([narrativeId, response]) => ({ narrativeId, response })),
    commitmentAfter: values.commitmentAfter as SoundingLevel,
    nextStep: orNull(values.nextStep),
    followUpOn: values.followUpOn || null,
    confidential: values.confidential,
    fears: values.fears.map((fear) => ({ statement: fear.statement.trim(), category: fear.category as FearCategory })),
  };
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
  if (!values.commitmentAfter) errors.commitmentAfter = 'Choose where they stand now.';
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

interface SoundingFormProps {
  stakeholderId: string;
  stakeholderName: string;
  /** Their function, whose priorities the form offers first. */
  businessFunction?: string | null;
  currentCommitment: CommitmentLevel;
  onSaved: (sounding: Sounding) => void;
  onCancel: () => void;
}

export function SoundingForm({ stakeholderId, stakeholderName, businessFunction = null, currentCommitment, onSaved, onCancel }: SoundingFormProps) {
  const createSounding = useCreateSounding(stakeholderId);
  const [values, setValues] = useState(() => initialSoundingValues(currentCommitment));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unplacedErrors, setUnplacedErrors] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);
  const savedRef = useRef(false);
  const dirty =
    values.fears.length > 0 ||
    values.priorityIds.length > 0 ||
    Object.keys(values.narratives).length > 0 ||
    [values.summary, values.developmentalExperience, values.benefitsSeen, values.personalCost, values.prioritiesServed, values.nextStep].some(
      (text) => text.trim() !== '',
    );

  // Notes taken minutes after a conversation are hard to write twice: warn before the tab closes on them.
  useWindowEvent('beforeunload', (event) => {
    if (dirty && !savedRef.current) event.preventDefault();
  });

  const cancel = () => {
    if (dirty && !window.confirm('Leave without saving this sounding? What you wrote will be lost.')) return;
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
      } else if (field in FIELD_NAMES && field !== 'fears' && field !== 'channel') {
        placed[field] ??= message;
      } else {
        unplaced.push(`${FIELD_NAMES[field] ?? field}: ${message}`);
      }
    }
    return { placed, unplaced };
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (createSounding.isPending) return;
    const found = validate(values);
    setErrors(found);
    setUnplacedErrors([]);
    if (Object.keys(found).length > 0) {
      focusFirstError(found, fieldOrder(values));
      return;
    }
    const submitted = values;
    createSounding.mutate(toCreateSoundingRequest(submitted), {
      onSuccess: (sounding) => {
        savedRef.current = true;
        try {
          if (submitted.conductedBy.trim()) window.localStorage.setItem(CONDUCTED_BY_STORAGE_KEY, submitted.conductedBy.trim());
        } catch {
          // Private windows may refuse storage; remembering the interviewer is only a convenience.
        }
        onSaved(sounding);
      },
      onError: (error) => {
        if (isApiError(error) && error.fields.length > 0) {
          const { placed, unplaced } = placeServerErrors(submitted, error.fields);
          setErrors(placed);
          setUnplacedErrors(unplaced);
          focusFirstError(placed, fieldOrder(submitted));
        }
      },
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      submit();
    }
  };

  const mutationError = createSounding.error;
  const generalError = mutationError && !(isApiError(mutationError) && mutationError.fields.length > 0) ? mutationError : null;

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
      <Stack gap="md">
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
            <TextInput
              id={inputId('conductedBy')}
              label="Conducted by"
              placeholder="Who held the conversation"
              maxLength={LIMITS.shortText}
              value={values.conductedBy}
              onChange={(e) => setText('conductedBy', e.currentTarget.value)}
              error={errors.conductedBy}
            />
          </SimpleGrid>
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
          {values.fears.length === 0 && (
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
          <div>
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
              <Button variant="default" onClick={cancel} disabled={createSounding.isPending}>
                Cancel
              </Button>
              <Button type="submit" loading={createSounding.isPending}>
                Save sounding
              </Button>
            </Group>
          </Group>
        </StickyActions>
      </Stack>
    </form>
  );
}
