import { Alert, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  BRIEFING_STATUS_LABELS,
  BRIEFING_STATUSES,
  LIMITS,
  type Briefing,
  type BriefingStatus,
  type CreateBriefingRequest,
  type StakeholderRef,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useCallback, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fromDateAndTime, todayIso, toDateAndTime } from '@/lib/dates';
import { fieldSentence } from '@/lib/format';
import { useCreateBriefing } from '../api/create-briefing';
import { useDeleteBriefing } from '../api/delete-briefing';
import { useUpdateBriefing } from '../api/update-briefing';
import { briefingQueries } from '../api/briefing-queries';
import { priorityOptionGroups } from './briefing-priorities';
import { BriefingPrioritiesField } from './briefing-priorities-field';
import { FormActions } from '@/components/form-actions';
import { SuggestedBriefersList } from './suggested-briefers';
import { DateField } from '@/components/date-field';

/** What the page hands in to pick a stakeholder (the picker belongs to the stakeholders feature). */
export interface StakeholderPickerProps {
  label: string;
  placeholder: string;
  value: StakeholderRef | null;
  onChange: (stakeholder: StakeholderRef | null, record?: { businessFunction: string | null }) => void;
  error?: string;
  /** Only top-team members can be a briefing's audience. */
  role?: 'top_team';
  excludeId?: string;
}

export type BriefingFormFocus = 'brief' | 'plannedFor' | 'outcome' | 'briefer' | 'priorities';

interface BriefingFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null to plan a new briefing. */
  briefing: Briefing | null;
  /** For a new briefing: the top-team member it is for. */
  audience?: StakeholderRef | null;
  focus?: BriefingFormFocus;
  renderStakeholderPicker: (props: StakeholderPickerProps) => ReactNode;
  /** What the page shows under the date about the audience's timing (the timing feature's advice). */
  renderDateAdvice?: (props: { person: StakeholderRef; day: string }) => ReactNode;
  onSaved: (briefing: Briefing, created: boolean) => void;
  onDeleted?: () => void;
}

interface FormValues {
  brieferKind: 'champion' | 'hr';
  briefer: StakeholderRef | null;
  brieferFunction: string | null;
  audienceKind: 'member' | 'topTeam';
  audience: StakeholderRef | null;
  audienceFunction: string | null;
  priorityIds: string[];
  date: string;
  time: string;
  brief: string;
  status: BriefingStatus;
  outcome: string;
}

function inAWeek(): string {
  const day = new Date();
  day.setDate(day.getDate() + 7);
  return todayIso(day);
}

function initialValues(briefing: Briefing | null, audience: StakeholderRef | null | undefined, focus?: BriefingFormFocus): FormValues {
  if (!briefing) {
    return {
      brieferKind: 'champion',
      briefer: null,
      brieferFunction: null,
      audienceKind: 'member',
      audience: audience ?? null,
      audienceFunction: null,
      priorityIds: [],
      date: inAWeek(),
      time: '09:00',
      brief: '',
      status: 'planned',
      outcome: '',
    };
  }
  const { date, time } = toDateAndTime(briefing.plannedFor);
  return {
    brieferKind: briefing.hr ? 'hr' : 'champion',
    briefer: briefing.briefer ? { id: briefing.briefer.id, name: briefing.briefer.name } : null,
    brieferFunction: briefing.briefer?.businessFunction ?? null,
    audienceKind: briefing.topTeam ? 'topTeam' : 'member',
    audience: briefing.audience ? { id: briefing.audience.id, name: briefing.audience.name } : null,
    audienceFunction: briefing.audience?.businessFunction ?? null,
    priorityIds: briefing.priorities.map((priority) => priority.id),
    date,
    time,
    brief: briefing.brief ?? '',
    // Recording how it went starts from "done".
    status: focus === 'outcome' && briefing.status === 'planned' ? 'done' : briefing.status,
    outcome: briefing.outcome ?? '',
  };
}

function validate(values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (values.brieferKind === 'champion' && !values.briefer) errors.briefer = 'Choose the champion who briefs, or choose HR.';
  if (values.audienceKind === 'member' && !values.audience) errors.audience = 'Choose the top-team member, or the whole top team.';
  if (values.brieferKind === 'champion' && values.audienceKind === 'member' && values.briefer && values.briefer.id === values.audience?.id) {
    errors.audience = 'Someone cannot brief themselves.';
  }
  if (!fromDateAndTime(values.date, values.time)) errors.plannedFor = 'Enter the date and time.';
  return errors;
}

function toRequest(values: FormValues): CreateBriefingRequest {
  return {
    ...(values.brieferKind === 'hr' ? { hr: true, brieferId: null } : { brieferId: values.briefer!.id, hr: false }),
    ...(values.audienceKind === 'topTeam' ? { topTeam: true, audienceId: null } : { audienceId: values.audience!.id, topTeam: false }),
    plannedFor: fromDateAndTime(values.date, values.time)!,
    brief: values.brief.trim() || null,
    priorityIds: values.priorityIds,
  };
}

export function BriefingFormModal(props: BriefingFormModalProps) {
  const title = props.briefing ? (props.focus === 'outcome' ? 'Record how the briefing went' : 'Edit the briefing') : 'Plan a briefing';
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <BriefingForm key={`${props.briefing?.id ?? 'new'}:${props.briefing?.version ?? 0}:${props.focus ?? ''}`} {...props} />}
    </Modal>
  );
}

function BriefingForm({ briefing, audience, focus, onClose, renderStakeholderPicker, renderDateAdvice, onSaved, onDeleted }: BriefingFormModalProps) {
  const create = useCreateBriefing();
  const update = useUpdateBriefing();
  const remove = useDeleteBriefing();
  const priorityOptions = useQuery(briefingQueries.priorityOptions());
  const saving = create.isPending || update.isPending;
  const [values, setValues] = useState(() => initialValues(briefing, audience, focus));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // A briefer chosen from the suggestions starts the picker afresh, so it shows their name.
  const [pickerRound, setPickerRound] = useState(0);
  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const errors = {
    briefer: clientErrors.briefer ?? fieldSentence(server.brieferId ?? server.hr),
    audience: clientErrors.audience ?? fieldSentence(server.audienceId ?? server.topTeam),
    plannedFor: clientErrors.plannedFor ?? fieldSentence(server.plannedFor),
    brief: fieldSentence(server.brief),
    priorityIds: fieldSentence(server.priorityIds),
    status: fieldSentence(server.status),
    outcome: fieldSentence(server.outcome),
  };
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;

  const setPriorityIds = useCallback((priorityIds: string[]) => {
    setValues((current) => ({ ...current, priorityIds }));
    setClientErrors({});
  }, []);

  const set = <K extends keyof FormValues>(field: K, value: FormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setClientErrors({});
    create.reset();
    update.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate(values);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const request = toRequest(values);
    if (!briefing) {
      create.mutate(request, { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    update.mutate(
      { briefing, changes: { ...request, status: values.status, outcome: values.status === 'planned' ? null : values.outcome.trim() || null } },
      { onSuccess: (saved) => onSaved(saved, false) },
    );
  };


  const audienceFunction = values.audienceKind === 'member' ? values.audienceFunction : null;
  const priorityGroups = useMemo(() => priorityOptionGroups(priorityOptions.data?.items ?? [], audienceFunction), [priorityOptions.data, audienceFunction]);
  const audienceHasPriorities = audienceFunction !== null && priorityGroups[0]?.group === `${audienceFunction}'s priorities`;
  const priorityHint = audienceHasPriorities
    ? `The plan checks that a briefing to ${values.audience?.name ?? 'this leader'} names at least one of ${audienceFunction}'s priorities.`
    : 'The business priorities the case ties to.';
  // Where the audience's function has priorities, naming one of them is what the plan checks, not the area's name.
  const areaHint =
    values.brieferKind === 'hr'
      ? 'HR presents: say what the programme offers the top team and what it asks of them.'
      : values.brieferFunction
        ? `Why a coaching and mentoring culture matters for ${values.brieferFunction}, in their terms.${audienceHasPriorities ? '' : ` The plan checks that the brief names ${values.brieferFunction}.`}`
        : 'Why a coaching and mentoring culture matters for the briefer\'s own area, naming it.';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this briefing' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict
              ? 'Close this form and open the briefing again to see their version.'
              : generalError.message}
          </Alert>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Who briefs
          </Text>
          <SegmentedControl
            aria-label="Who briefs"
            value={values.brieferKind}
            onChange={(value) => set('brieferKind', value as FormValues['brieferKind'])}
            data={[
              { value: 'champion', label: 'A champion' },
              { value: 'hr', label: 'HR presents' },
            ]}
            w="fit-content"
          />
          {values.brieferKind === 'champion' && (
            <Fragment key={pickerRound}>
              {renderStakeholderPicker({
              label: 'Champion',
              placeholder: 'Search by name',
              value: values.briefer,
              onChange: (briefer, record) => {
                setValues((current) => ({ ...current, briefer, brieferFunction: record?.businessFunction ?? null }));
                setClientErrors({});
              },
              error: errors.briefer,
            })}
            </Fragment>
          )}
          {values.brieferKind === 'hr' && errors.briefer && (
            <Text size="xs" c="red.7">
              {errors.briefer}
            </Text>
          )}
        </Stack>
        <Stack gap={6}>
          <Text size="sm" fw={500}>
            Who is briefed
          </Text>
          <SegmentedControl
            aria-label="Who is briefed"
            value={values.audienceKind}
            onChange={(value) => set('audienceKind', value as FormValues['audienceKind'])}
            data={[
              { value: 'member', label: 'One top-team member' },
              { value: 'topTeam', label: 'The whole top team' },
            ]}
            w="fit-content"
          />
          {values.audienceKind === 'member' &&
            renderStakeholderPicker({
              label: 'Top-team member',
              placeholder: 'Search the top team',
              value: values.audience,
              onChange: (member, record) => {
                setValues((current) => ({ ...current, audience: member, audienceFunction: record?.businessFunction ?? (member ? current.audienceFunction : null) }));
                setClientErrors({});
              },
              error: errors.audience,
              role: 'top_team',
              excludeId: values.brieferKind === 'champion' ? values.briefer?.id : undefined,
            })}
          {values.audienceKind === 'member' && values.audience && (!briefing || briefing.status === 'planned') && (
            <SuggestedBriefersList
              audienceId={values.audience.id}
              audienceName={values.audience.name}
              currentBrieferId={values.brieferKind === 'champion' ? (values.briefer?.id ?? null) : null}
              onUse={({ person }) => {
                setValues((current) => ({
                  ...current,
                  brieferKind: 'champion',
                  briefer: { id: person.id, name: person.name },
                  brieferFunction: person.businessFunction,
                }));
                setPickerRound((round) => round + 1);
                setClientErrors({});
                create.reset();
                update.reset();
              }}
            />
          )}
          {values.audienceKind === 'topTeam' && errors.audience && (
            <Text size="xs" c="red.7">
              {errors.audience}
            </Text>
          )}
        </Stack>
        <SimpleGrid cols={2} spacing="md" maw={420}>
          <DateField
            label="Date"
            required
            value={values.date}
            onChange={(day) => set('date', day)}
            error={errors.plannedFor}
            data-autofocus={focus === 'plannedFor' || undefined}
          />
          <TextInput label="Time" type="time" required value={values.time} onChange={(e) => set('time', e.currentTarget.value)} />
        </SimpleGrid>
        {renderDateAdvice && values.audienceKind === 'member' && values.audience && values.status === 'planned' && renderDateAdvice({ person: values.audience, day: values.date })}
        <Textarea
          label="Brief"
          description={areaHint}
          placeholder="Finance loses two analysts a quarter to firms that develop their people…"
          autosize
          minRows={4}
          maxLength={LIMITS.longText}
          value={values.brief}
          onChange={(e) => set('brief', e.currentTarget.value)}
          error={errors.brief}
          data-autofocus={focus === 'brief' || undefined}
        />
        <BriefingPrioritiesField
          groups={priorityGroups}
          value={values.priorityIds}
          onChange={setPriorityIds}
          description={priorityHint}
          loading={priorityOptions.isPending}
          error={errors.priorityIds}
          autoFocus={focus === 'priorities'}
        />
        {briefing && (
          <>
            <Select
              label="Status"
              data={BRIEFING_STATUSES.map((status) => ({ value: status, label: BRIEFING_STATUS_LABELS[status] }))}
              value={values.status}
              allowDeselect={false}
              onChange={(value) => value && set('status', value as BriefingStatus)}
              error={errors.status}
              w={200}
              comboboxProps={{ withinPortal: true }}
            />
            {values.status !== 'planned' && (
              <Textarea
                label={values.status === 'done' ? 'Outcome' : 'Why it was cancelled'}
                description={values.status === 'done' ? 'What was said and agreed. It goes on the timeline of both people.' : undefined}
                autosize
                minRows={3}
                maxLength={LIMITS.longText}
                value={values.outcome}
                onChange={(e) => set('outcome', e.currentTarget.value)}
                error={errors.outcome}
                data-autofocus={focus === 'outcome' || undefined}
              />
            )}
          </>
        )}
        <FormActions
          submitLabel={briefing ? 'Save' : 'Add to the plan'}
          saving={saving}
          onCancel={onClose}
          deletion={
            briefing
              ? { question: 'Delete this briefing from the plan?', deleting: remove.isPending, onDelete: () => remove.mutate(briefing.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
