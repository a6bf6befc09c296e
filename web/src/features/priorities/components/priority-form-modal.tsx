import { Alert, Autocomplete, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, type Priority, type StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useCreatePriority } from '../api/create-priority';
import { useDeletePriority } from '../api/delete-priority';
import { priorityQueries } from '../api/priority-queries';
import { useUpdatePriority } from '../api/update-priority';

/** What the page hands in to pick the owner (the picker belongs to the stakeholders feature). */
export interface OwnerPickerProps {
  label: string;
  description: string;
  placeholder: string;
  value: StakeholderRef | null;
  onChange: (stakeholder: StakeholderRef | null) => void;
  error?: string;
}

interface PriorityFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null to add one. */
  priority: Priority | null;
  /** For a new priority: who owns it and their function, when added from their page. */
  owner?: StakeholderRef | null;
  businessFunction?: string | null;
  renderOwnerPicker: (props: OwnerPickerProps) => ReactNode;
  onSaved?: (priority: Priority, created: boolean) => void;
  onDeleted?: (priority: Priority) => void;
}

export function PriorityFormModal(props: PriorityFormModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.priority ? 'Edit the priority' : 'Add a business priority'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <PriorityForm key={props.priority ? `${props.priority.id}:${props.priority.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function PriorityForm({ priority, owner: presetOwner, businessFunction: presetFunction, onClose, renderOwnerPicker, onSaved, onDeleted }: PriorityFormModalProps) {
  const create = useCreatePriority();
  const update = useUpdatePriority();
  const remove = useDeletePriority();
  const functions = useQuery(priorityQueries.businessFunctions());
  const [businessFunction, setBusinessFunction] = useState(priority?.businessFunction ?? presetFunction ?? '');
  const [title, setTitle] = useState(priority?.title ?? '');
  const [owner, setOwner] = useState<StakeholderRef | null>(priority?.owner ? { id: priority.owner.id, name: priority.owner.name } : (presetOwner ?? null));
  const [coachingLink, setCoachingLink] = useState(priority?.coachingLink ?? '');
  const [missing, setMissing] = useState<Record<string, string>>({});

  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const errors = {
    businessFunction: missing.businessFunction ?? fieldSentence(server.businessFunction),
    title: missing.title ?? fieldSentence(server.title),
    ownerId: fieldSentence(server.ownerId),
    coachingLink: fieldSentence(server.coachingLink),
  };
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;
  const reset = () => {
    setMissing({});
    create.reset();
    update.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!businessFunction.trim()) found.businessFunction = 'Name the function whose priority it is.';
    if (!title.trim()) found.title = 'Write the priority in the function\'s own words.';
    setMissing(found);
    if (Object.keys(found).length > 0) return;
    const fields = { businessFunction: businessFunction.trim(), title: title.trim(), ownerId: owner?.id ?? null, coachingLink: coachingLink.trim() || null };
    if (priority) {
      update.mutate({ priority, changes: fields }, { onSuccess: (saved) => onSaved?.(saved, false) });
      return;
    }
    create.mutate(fields, { onSuccess: (saved) => onSaved?.(saved, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this priority' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        <Autocomplete
          label="Business function"
          description="Finance, IT, Sales… as the organisation names it."
          required
          data={(functions.data ?? []).map((option) => option.name)}
          value={businessFunction}
          onChange={(value) => {
            setBusinessFunction(value);
            reset();
          }}
          maxLength={LIMITS.shortText}
          error={errors.businessFunction}
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label="Priority"
          description="In the function's own words, as its leader would say it."
          placeholder="Close the books in five days"
          required
          maxLength={LIMITS.shortText}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            reset();
          }}
          error={errors.title}
          data-autofocus
        />
        {renderOwnerPicker({
          label: 'Owner',
          description: 'The leader who owns it. Leave empty while nobody is named.',
          placeholder: 'Search by name',
          value: owner,
          onChange: (picked) => {
            setOwner(picked);
            reset();
          },
          error: errors.ownerId,
        })}
        <Textarea
          label="How coaching serves it"
          description="The link to make when briefing this function's leaders."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={coachingLink}
          onChange={(e) => setCoachingLink(e.currentTarget.value)}
          error={errors.coachingLink}
        />
        <FormActions
          submitLabel={priority ? 'Save' : 'Add'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            priority
              ? {
                  question: 'Remove this priority? Briefings that name it will no longer do so.',
                  deleting: remove.isPending,
                  onDelete: () => remove.mutate(priority.id, { onSuccess: () => onDeleted?.(priority) }),
                }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
