import { ActionIcon, Alert, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { LIMITS, PILOT_STATUSES, PILOT_STATUS_LABELS, type PilotDetail, type PilotStatus, type StakeholderRef } from '@soundings/shared';
import { IconX } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useDeletePilot } from '../api/delete-pilot';
import { useCreatePilot, useUpdatePilot } from '../api/save-pilot';
import { DateField } from '@/components/date-field';

/** What the page hands in to pick a person (the picker belongs to the stakeholders feature). */
export interface PersonPickerProps {
  label: string;
  placeholder: string;
  description?: string;
  value: StakeholderRef | null;
  onChange: (stakeholder: StakeholderRef | null) => void;
  error?: string;
}

interface PilotFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null to propose a new pilot. */
  pilot: PilotDetail | null;
  renderPersonPicker: (props: PersonPickerProps) => ReactNode;
  onSaved?: (pilot: PilotDetail, created: boolean) => void;
  onDeleted?: () => void;
}

const STATUS_OPTIONS = PILOT_STATUSES.map((status) => ({ value: status, label: PILOT_STATUS_LABELS[status] }));

export function PilotFormModal(props: PilotFormModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.pilot ? `Edit ${props.pilot.name}` : 'Propose a pilot'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <PilotForm key={props.pilot ? `${props.pilot.id}:${props.pilot.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function PilotForm({ pilot, onClose, renderPersonPicker, onSaved, onDeleted }: PilotFormModalProps) {
  const create = useCreatePilot();
  const update = useUpdatePilot();
  const remove = useDeletePilot();
  const [name, setName] = useState(pilot?.name ?? '');
  const [sponsor, setSponsor] = useState<StakeholderRef | null>(pilot?.sponsor ? { id: pilot.sponsor.id, name: pilot.sponsor.name } : null);
  const [businessFunction, setBusinessFunction] = useState(pilot?.businessFunction ?? '');
  const [scope, setScope] = useState(pilot?.scope ?? '');
  const [startOn, setStartOn] = useState(pilot?.startOn ?? '');
  const [endOn, setEndOn] = useState(pilot?.endOn ?? '');
  const [status, setStatus] = useState<PilotStatus>(pilot?.status ?? 'proposed');
  const [askers, setAskers] = useState<StakeholderRef[]>(pilot?.askedBy.map((asker) => ({ id: asker.stakeholder.id, name: asker.stakeholder.name })) ?? []);
  const [missingName, setMissingName] = useState(false);
  // A new key empties the "add" picker once someone is added.
  const [askerPickerKey, setAskerPickerKey] = useState(0);

  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const askersError = Object.entries(server).find(([field]) => field === 'askedBy' || field.startsWith('askedBy.'))?.[1];
  const shown = ['name', 'sponsorId', 'businessFunction', 'scope', 'startOn', 'endOn', 'status'];
  const generalError = failure && !shown.some((field) => server[field]) && !askersError ? failure : null;
  const dateOrder = startOn && endOn && endOn < startOn ? 'The end must be on or after the start.' : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setMissingName(true);
      return;
    }
    if (dateOrder) return;
    const fields = {
      name: name.trim(),
      sponsorId: sponsor?.id ?? null,
      businessFunction: businessFunction.trim() || null,
      scope: scope.trim() || null,
      startOn: startOn || null,
      endOn: endOn || null,
      status,
      askedBy: askers.map((asker) => asker.id),
    };
    if (pilot) update.mutate({ pilot, changes: fields }, { onSuccess: (saved) => onSaved?.(saved, false) });
    else create.mutate(fields, { onSuccess: (saved) => onSaved?.(saved, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this pilot' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        <TextInput
          label="Name"
          required
          maxLength={LIMITS.shortText}
          placeholder="Night-shift coaching cohort"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setMissingName(false);
          }}
          error={missingName ? 'Give the pilot a name.' : fieldSentence(server.name)}
        />
        {renderPersonPicker({
          label: 'Sponsor',
          placeholder: 'Search by name',
          description: 'The leader who sponsors it; leave empty while HR runs it alone.',
          value: sponsor,
          onChange: setSponsor,
          error: fieldSentence(server.sponsorId),
        })}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Business function"
            maxLength={LIMITS.shortText}
            placeholder="Operations"
            value={businessFunction}
            onChange={(e) => setBusinessFunction(e.currentTarget.value)}
            error={fieldSentence(server.businessFunction)}
          />
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            value={status}
            allowDeselect={false}
            onChange={(value) => value && setStatus(value as PilotStatus)}
            error={fieldSentence(server.status)}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField label="Starts" value={startOn} onChange={(day) => setStartOn(day)} error={fieldSentence(server.startOn)} />
          <DateField label="Ends" minDate={startOn || undefined} value={endOn} onChange={(day) => setEndOn(day)} error={dateOrder ?? fieldSentence(server.endOn)} />
        </SimpleGrid>
        <Textarea
          label="Scope"
          description="Who takes part, for how long, and what it will measure."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={scope}
          onChange={(e) => setScope(e.currentTarget.value)}
          error={fieldSentence(server.scope)}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="pilot-askers-label">
            Leaders who asked for proof
          </Text>
          {askers.length > 0 && (
            <Group gap="xs" wrap="wrap" role="list" aria-labelledby="pilot-askers-label">
              {askers.map((asker) => (
                <Group key={asker.id} gap={4} wrap="nowrap" role="listitem" px={8} py={2} style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 16 }}>
                  <Text size="sm">{asker.name}</Text>
                  <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Remove ${asker.name}`} onClick={() => setAskers((all) => all.filter((other) => other.id !== asker.id))}>
                    <IconX size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Group>
          )}
          <div key={askerPickerKey}>
            {renderPersonPicker({
              label: 'Add a leader who asked for proof',
              placeholder: 'Search by name',
              value: null,
              onChange: (person) => {
                if (!person) return;
                setAskers((all) => (all.some((other) => other.id === person.id) ? all : [...all, person]));
                setAskerPickerKey((key) => key + 1);
              },
              error: fieldSentence(askersError),
            })}
          </div>
        </Stack>
        <FormActions
          submitLabel={pilot ? 'Save pilot' : 'Propose pilot'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            pilot
              ? { question: 'Delete this pilot and its results?', deleting: remove.isPending, onDelete: () => remove.mutate(pilot.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
