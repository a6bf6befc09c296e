import {
  Autocomplete,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  COMMITMENT_LADDER,
  COMMITMENT_PATH,
  LIMITS,
  STAKEHOLDER_ROLE_LABELS,
  STAKEHOLDER_ROLES,
  type CommitmentLevel,
  type Stakeholder,
  type StakeholderInput,
  type StakeholderRef,
  type StakeholderRole,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { textError } from '@/lib/format';
import { stakeholderQueries } from '../api/stakeholder-queries';
import { ReportsToSelect } from './reports-to-select';

export interface StakeholderFormValues {
  name: string;
  title: string;
  email: string;
  businessFunction: string;
  role: StakeholderRole;
  potentialChampion: boolean;
  influence: number | null;
  requiredCommitment: CommitmentLevel | null;
  reportsTo: StakeholderRef | null;
  timingNotes: string;
}

export const EMPTY_STAKEHOLDER: StakeholderFormValues = {
  name: '',
  title: '',
  email: '',
  businessFunction: '',
  role: 'senior_leader',
  potentialChampion: false,
  influence: null,
  requiredCommitment: null,
  reportsTo: null,
  timingNotes: '',
};

export function stakeholderToFormValues(stakeholder: Stakeholder): StakeholderFormValues {
  return {
    name: stakeholder.name,
    title: stakeholder.title ?? '',
    email: stakeholder.email ?? '',
    businessFunction: stakeholder.businessFunction ?? '',
    role: stakeholder.role,
    potentialChampion: stakeholder.potentialChampion,
    influence: stakeholder.influence,
    requiredCommitment: stakeholder.requiredCommitment,
    reportsTo: stakeholder.reportsTo,
    timingNotes: stakeholder.timingNotes ?? '',
  };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function formValuesToInput(values: StakeholderFormValues): StakeholderInput {
  return {
    name: values.name.trim(),
    title: orNull(values.title),
    email: orNull(values.email),
    businessFunction: orNull(values.businessFunction),
    role: values.role,
    potentialChampion: values.potentialChampion,
    influence: values.influence,
    requiredCommitment: values.requiredCommitment,
    reportsToId: values.reportsTo?.id ?? null,
    timingNotes: orNull(values.timingNotes),
  };
}

/** Only what the user changed, so a PATCH never rewrites fields they did not touch. */
export function changedFields(before: StakeholderInput, after: StakeholderInput): Partial<StakeholderInput> {
  const changes: Partial<StakeholderInput> = {};
  for (const key of Object.keys(after) as (keyof StakeholderInput)[]) {
    if (after[key] !== before[key]) (changes as Record<string, unknown>)[key] = after[key];
  }
  return changes;
}

function validate(values: StakeholderFormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  const nameError = textError(values.name, 'name');
  if (!values.name.trim()) errors.name = 'Enter their name.';
  else if (nameError) errors.name = nameError;
  if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim())) {
    errors.email = 'Enter an email address like name@company.com, or leave it empty.';
  }
  return errors;
}

const ROLE_OPTIONS = STAKEHOLDER_ROLES.map((role) => ({ value: role, label: STAKEHOLDER_ROLE_LABELS[role] }));
const REQUIRED_OPTIONS = COMMITMENT_PATH.filter((level) => level !== 'not_sounded').map((level) => ({
  value: level,
  label: COMMITMENT_LADDER[level].label,
}));

interface StakeholderFormProps {
  initialValues: StakeholderFormValues;
  submitLabel: string;
  submitting: boolean;
  serverErrors: Record<string, string>;
  onSubmit: (values: StakeholderFormValues) => void;
  onCancel: () => void;
  /** Shown above the fields (a conflict notice, a general error). */
  banner?: ReactNode;
  /** Extra controls on the left of the footer (delete). */
  footerStart?: ReactNode;
  /** Set when editing, so the person cannot be made their own manager. */
  stakeholderId?: string;
}

export function StakeholderForm({
  initialValues,
  submitLabel,
  submitting,
  serverErrors,
  onSubmit,
  onCancel,
  banner,
  footerStart,
  stakeholderId,
}: StakeholderFormProps) {
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [touchedSinceSubmit, setTouchedSinceSubmit] = useState<Set<string>>(new Set());
  const businessFunctions = useQuery(stakeholderQueries.businessFunctions());

  // A server message stays next to its field until the user edits that field.
  const errorFor = (field: keyof StakeholderFormValues, serverField: string = field) =>
    clientErrors[field] ?? (touchedSinceSubmit.has(field) ? undefined : serverErrors[serverField]);

  const set = <K extends keyof StakeholderFormValues>(field: K, value: StakeholderFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setTouchedSinceSubmit((current) => new Set(current).add(field));
    if (clientErrors[field]) setClientErrors(({ [field]: _removed, ...rest }) => rest);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(values);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setTouchedSinceSubmit(new Set());
    onSubmit(values);
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="md">
        {banner}
        <TextInput
          label="Name"
          required
          data-autofocus
          maxLength={LIMITS.name}
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={errorFor('name')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label="Job title"
            placeholder="Chief Financial Officer"
            maxLength={LIMITS.shortText}
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errorFor('title')}
          />
          <Autocomplete
            label="Business function"
            placeholder="Finance, IT, Sales…"
            maxLength={LIMITS.shortText}
            data={(businessFunctions.data ?? []).map((option) => option.name)}
            value={values.businessFunction}
            onChange={(value) => set('businessFunction', value)}
            error={errorFor('businessFunction')}
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={values.role}
            allowDeselect={false}
            onChange={(value) => value && set('role', value as StakeholderRole)}
            error={errorFor('role')}
          />
          <TextInput
            label="Email"
            type="email"
            maxLength={LIMITS.email}
            value={values.email}
            onChange={(e) => set('email', e.currentTarget.value)}
            error={errorFor('email')}
          />
          <Select
            label="Commitment we need from them"
            description="The level this person must reach for the strategy to land"
            placeholder="None set"
            clearable
            data={REQUIRED_OPTIONS}
            value={values.requiredCommitment}
            onChange={(value) => set('requiredCommitment', value as CommitmentLevel | null)}
            error={errorFor('requiredCommitment')}
          />
          <ReportsToSelect
            value={values.reportsTo}
            onChange={(manager) => set('reportsTo', manager)}
            excludeId={stakeholderId}
            error={errorFor('reportsTo', 'reportsToId')}
          />
          <NumberInput
            label="Influence"
            description="How much others look to them, 1 (little) to 5 (a great deal)"
            min={1}
            max={5}
            allowDecimal={false}
            value={values.influence ?? ''}
            onChange={(value) => set('influence', typeof value === 'number' ? value : null)}
            error={errorFor('influence')}
          />
        </SimpleGrid>
        <Switch
          label="Potential champion"
          description="Someone we hope will speak for coaching and mentoring, usually a line manager"
          checked={values.potentialChampion}
          onChange={(e) => set('potentialChampion', e.currentTarget.checked)}
          error={errorFor('potentialChampion')}
        />
        <Textarea
          label="Timing notes"
          description="When and how is this person best approached?"
          placeholder="After the budget round; Friday mornings"
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={values.timingNotes}
          onChange={(e) => set('timingNotes', e.currentTarget.value)}
          error={errorFor('timingNotes')}
        />
        <Group justify="space-between" mt="xs">
          <div>{footerStart}</div>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
