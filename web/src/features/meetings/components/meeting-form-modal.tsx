import { Alert, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, type Meeting } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fromDateAndTime, todayIso, toDateAndTime } from '@/lib/dates';
import { fieldSentence, textError } from '@/lib/format';
import { useCreateMeeting } from '../api/create-meeting';
import { useDeleteMeeting } from '../api/delete-meeting';
import { useUpdateMeeting } from '../api/update-meeting';
import { FormActions } from '@/components/form-actions';
import { DateField } from '@/components/date-field';

interface MeetingFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null for a new meeting. */
  meeting: Meeting | null;
  onSaved: (meeting: Meeting, created: boolean) => void;
  onDeleted?: () => void;
}

function inTwoWeeks(): string {
  const day = new Date();
  day.setDate(day.getDate() + 14);
  return todayIso(day);
}

export function MeetingFormModal(props: MeetingFormModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.meeting ? 'Edit the meeting' : 'New meeting'} size="lg">
      {props.opened && <MeetingForm key={`${props.meeting?.id ?? 'new'}:${props.meeting?.version ?? 0}`} {...props} />}
    </Modal>
  );
}

function MeetingForm({ meeting, onClose, onSaved, onDeleted }: MeetingFormModalProps) {
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const remove = useDeleteMeeting();
  const start = meeting ? toDateAndTime(meeting.scheduledFor) : { date: inTwoWeeks(), time: '10:00' };
  const [title, setTitle] = useState(meeting?.title ?? '');
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const [purpose, setPurpose] = useState(meeting?.purpose ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;
  const saving = create.isPending || update.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const scheduledFor = fromDateAndTime(date, time);
    const found: Record<string, string> = {};
    const titleError = textError(title, 'line');
    if (!title.trim()) found.title = 'Name the meeting, e.g. "Top-team offsite".';
    else if (titleError) found.title = titleError;
    if (!scheduledFor) found.scheduledFor = 'Enter the date and time.';
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !scheduledFor) return;
    const fields = { title: title.trim(), scheduledFor, purpose: purpose.trim() || null };
    if (meeting) update.mutate({ meeting, changes: fields }, { onSuccess: (saved) => onSaved(saved, false) });
    else create.mutate({ ...fields, attendeeIds: [] }, { onSuccess: (saved) => onSaved(saved, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {isApiError(generalError) && generalError.isVersionConflict
              ? 'Someone else changed this meeting meanwhile. Close this form to see their version.'
              : generalError.message}
          </Alert>
        )}
        <TextInput
          label="Title"
          required
          data-autofocus
          maxLength={LIMITS.shortText}
          placeholder="Top-team offsite: coaching and mentoring"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={clientErrors.title ?? fieldSentence(server.title)}
        />
        <SimpleGrid cols={2} spacing="md" maw={420}>
          <DateField
            label="Date"
            required
            value={date}
            onChange={(day) => setDate(day)}
            error={clientErrors.scheduledFor ?? fieldSentence(server.scheduledFor)}
          />
          <TextInput label="Time" type="time" required value={time} onChange={(e) => setTime(e.currentTarget.value)} />
        </SimpleGrid>
        <Textarea
          label="Purpose"
          description="What support will you ask the room for?"
          autosize
          minRows={3}
          maxLength={LIMITS.longText}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={fieldSentence(server.purpose)}
        />
        <FormActions
          submitLabel={meeting ? 'Save' : 'Create meeting'}
          saving={saving}
          onCancel={onClose}
          deletion={
            meeting
              ? { question: 'Delete this meeting and its attendee list?', deleting: remove.isPending, onDelete: () => remove.mutate(meeting.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
