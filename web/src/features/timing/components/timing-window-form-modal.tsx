import { Alert, Group, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { LIMITS, TIMING_WINDOW_KIND_LABELS, TIMING_WINDOW_KINDS, type TimingWindow, type TimingWindowKind } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { formatDate } from '@/lib/dates';
import { fieldSentence } from '@/lib/format';
import { useCreateTimingWindow } from '../api/create-timing-window';
import { useDeleteTimingWindow } from '../api/delete-timing-window';
import { useUpdateTimingWindow } from '../api/update-timing-window';
import { DateField } from '@/components/date-field';

interface TimingWindowFormModalProps {
  opened: boolean;
  onClose: () => void;
  stakeholder: { id: string; name: string };
  /** Null to add one. */
  window: TimingWindow | null;
  onSaved?: (window: TimingWindow, created: boolean) => void;
  onDeleted?: () => void;
}

const KIND_MEANINGS: Record<TimingWindowKind, string> = {
  best: 'When they are most receptive: plan briefings and meetings with them inside it.',
  not_now: 'A time they asked not to be approached: the plan warns about anything falling in it.',
};

export function TimingWindowFormModal(props: TimingWindowFormModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.window ? `Timing window for ${props.stakeholder.name}` : `When to approach ${props.stakeholder.name}`}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {props.opened && <TimingWindowForm key={props.window ? `${props.window.id}:${props.window.version}` : 'new'} {...props} />}
    </Modal>
  );
}

/** The form's own check, so the last day can never be saved before the first. */
export function windowDateErrors(startsOn: string, endsOn: string): { startsOn?: string; endsOn?: string } {
  return {
    ...(startsOn ? {} : { startsOn: 'Choose the first day.' }),
    ...(endsOn ? {} : { endsOn: 'Choose the last day.' }),
    ...(startsOn && endsOn && endsOn < startsOn ? { endsOn: `The last day must be on or after the first (${formatDate(startsOn)}).` } : {}),
  };
}

function TimingWindowForm({ stakeholder, window, onClose, onSaved, onDeleted }: TimingWindowFormModalProps) {
  const create = useCreateTimingWindow();
  const update = useUpdateTimingWindow();
  const remove = useDeleteTimingWindow();
  const [kind, setKind] = useState<TimingWindowKind>(window?.kind ?? 'not_now');
  const [startsOn, setStartsOn] = useState(window?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(window?.endsOn ?? '');
  const [note, setNote] = useState(window?.note ?? '');
  const [submitted, setSubmitted] = useState(false);

  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const local = windowDateErrors(startsOn, endsOn);
  // The order of the days is checked as they are typed; missing days only once a save was tried.
  const startError = (submitted ? local.startsOn : undefined) ?? fieldSentence(server.startsOn);
  const endError = (startsOn && endsOn ? local.endsOn : submitted ? local.endsOn : undefined) ?? fieldSentence(server.endsOn);
  const generalError = failure && !server.startsOn && !server.endsOn && !server.note && !server.kind ? failure : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (local.startsOn || local.endsOn) return;
    const fields = { kind, startsOn, endsOn, note: note.trim() || null };
    if (window) update.mutate({ window, changes: fields }, { onSuccess: (saved) => onSaved?.(saved, false) });
    else create.mutate({ stakeholderId: stakeholder.id, ...fields }, { onSuccess: (saved) => onSaved?.(saved, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this window' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        <Stack gap={6}>
          <Text size="sm" fw={500} id="timing-kind-label">
            Kind
          </Text>
          <SegmentedControl
            aria-labelledby="timing-kind-label"
            value={kind}
            onChange={(value) => setKind(value as TimingWindowKind)}
            data={TIMING_WINDOW_KINDS.map((option) => ({ value: option, label: TIMING_WINDOW_KIND_LABELS[option] }))}
            w="fit-content"
          />
          <Text size="xs" c="dimmed">
            {KIND_MEANINGS[kind]}
          </Text>
        </Stack>
        <Group gap="md" align="flex-start">
          <DateField label="First day" required value={startsOn} onChange={(day) => setStartsOn(day)} error={startError} w={200} />
          <DateField
            label="Last day"
            required
            minDate={startsOn || undefined}
            value={endsOn}
            onChange={(day) => setEndsOn(day)}
            error={endError}
            w={200}
          />
        </Group>
        <Textarea
          label="Why"
          description="In a few words: the budget round, after quarter close."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldSentence(server.note)}
        />
        <FormActions
          submitLabel={window ? 'Save' : 'Add'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            window ? { question: 'Remove this window?', deleting: remove.isPending, onDelete: () => remove.mutate(window.id, { onSuccess: () => onDeleted?.() }) } : undefined
          }
        />
      </Stack>
    </form>
  );
}
