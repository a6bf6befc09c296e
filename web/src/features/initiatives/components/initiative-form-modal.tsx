import { ActionIcon, Alert, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { INITIATIVE_KIND_LABELS, INITIATIVE_KINDS, LIMITS, type Initiative, type InitiativeKind, type StakeholderRef } from '@soundings/shared';
import { IconBulb, IconX } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { fieldSentence, textError } from '@/lib/format';
import { useCreateInitiative } from '../api/create-initiative';
import { useDeleteInitiative } from '../api/delete-initiative';
import { useUpdateInitiative } from '../api/update-initiative';
import { DateField } from '@/components/date-field';

/** What the page hands in to pick one person; the picker itself lives with the stakeholders. */
export interface PersonPickerProps {
  label: string;
  description?: string;
  placeholder?: string;
  value: StakeholderRef | null;
  onChange: (person: StakeholderRef | null) => void;
  error?: string;
}

interface InitiativeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null for a new initiative. */
  initiative: Initiative | null;
  renderPersonPicker: (props: PersonPickerProps) => ReactNode;
  onSaved: (initiative: Initiative, created: boolean) => void;
  onDeleted?: () => void;
}

const KIND_OPTIONS = INITIATIVE_KINDS.map((kind) => ({ value: kind, label: INITIATIVE_KIND_LABELS[kind] }));

function inThreeWeeks(): string {
  const day = new Date();
  day.setDate(day.getDate() + 21);
  return todayIso(day);
}

export function InitiativeFormModal(props: InitiativeFormModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.initiative ? 'Edit the initiative' : 'New initiative'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <InitiativeForm key={`${props.initiative?.id ?? 'new'}:${props.initiative?.version ?? 0}`} {...props} />}
    </Modal>
  );
}

function InitiativeForm({ initiative, onClose, onSaved, onDeleted, renderPersonPicker }: InitiativeFormModalProps) {
  const create = useCreateInitiative();
  const update = useUpdateInitiative();
  const remove = useDeleteInitiative();
  const [title, setTitle] = useState(initiative?.title ?? '');
  const [kind, setKind] = useState<InitiativeKind>(initiative?.kind ?? 'update');
  const [heldOn, setHeldOn] = useState(initiative?.heldOn ?? inThreeWeeks());
  const [owner, setOwner] = useState<StakeholderRef | null>(initiative?.owner ? { id: initiative.owner.id, name: initiative.owner.name } : null);
  const [description, setDescription] = useState(initiative?.description ?? '');
  const [involved, setInvolved] = useState<StakeholderRef[]>(initiative?.involved.map(({ id, name }) => ({ id, name })) ?? []);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;
  const saving = create.isPending || update.isPending;

  const addPerson = (person: StakeholderRef | null) => {
    if (person && !involved.some((already) => already.id === person.id)) setInvolved([...involved, person]);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const titleError = textError(title, 'line');
    if (!title.trim()) found.title = 'Name the initiative, e.g. "Finance leadership showcase".';
    else if (titleError) found.title = titleError;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) found.heldOn = 'Enter the day it is held.';
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    const fields = {
      title: title.trim(),
      kind,
      heldOn,
      ownerId: owner?.id ?? null,
      description: description.trim() || null,
      involvedIds: involved.map((person) => person.id),
    };
    if (initiative) update.mutate({ initiative, changes: fields }, { onSuccess: (saved) => onSaved(saved, false) });
    else create.mutate(fields, { onSuccess: (saved) => onSaved(saved, true) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {isApiError(generalError) && generalError.isVersionConflict
              ? 'Someone else changed this initiative meanwhile. Close this form to see their version.'
              : generalError.message}
          </Alert>
        )}
        <TextInput
          label="Title"
          required
          data-autofocus
          maxLength={LIMITS.shortText}
          placeholder="Finance leadership showcase"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={clientErrors.title ?? fieldSentence(server.title)}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <Select
            label="Kind"
            required
            allowDeselect={false}
            data={KIND_OPTIONS}
            value={kind}
            onChange={(value) => value && setKind(value as InitiativeKind)}
            error={fieldSentence(server.kind)}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField
            label="Held on"
            required
            value={heldOn}
            onChange={(day) => setHeldOn(day)}
            error={clientErrors.heldOn ?? fieldSentence(server.heldOn)}
          />
        </SimpleGrid>
        <Stack gap={6}>
          {renderPersonPicker({
            label: 'Owner',
            description: 'The leader who owns it. Leave empty when HR does.',
            placeholder: 'HR (no leader yet): search by name',
            value: owner,
            onChange: setOwner,
            error: fieldSentence(server.ownerId),
          })}
          {!owner && (
            <Alert color="yellow" variant="light" icon={<IconBulb size={18} />} role="note" p="xs">
              <Text size="sm">A leader should own this where possible: the culture is the leadership&apos;s to own, and HR coaches them.</Text>
            </Alert>
          )}
        </Stack>
        <Stack gap={6}>
          {/* A fresh picker after each pick, so it is empty for the next person. */}
          <div key={`add-person-${involved.length}`}>
            {renderPersonPicker({
            label: 'Add a person involved',
            description: 'Their involvement counts as contact once the day has come.',
            placeholder: 'Search by name',
            value: null,
            onChange: addPerson,
            error: fieldSentence(server.involvedIds),
            })}
          </div>
          {involved.length === 0 ? (
            <Text size="sm" c="dimmed">
              No one involved yet.
            </Text>
          ) : (
            <Group gap={6} component="ul" aria-label="People involved" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {involved.map((person) => (
                <Group component="li" key={person.id} gap={2} wrap="nowrap" px={8} py={2} style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 16 }}>
                  <Text size="sm">{person.name}</Text>
                  <Tooltip label="Remove" withArrow>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      onClick={() => setInvolved(involved.filter((other) => other.id !== person.id))}
                      aria-label={`Remove ${person.name}`}
                    >
                      <IconX size={14} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              ))}
            </Group>
          )}
        </Stack>
        <Textarea
          label="Description"
          description="What happens, and what it should show the leaders involved."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldSentence(server.description)}
        />
        <FormActions
          submitLabel={initiative ? 'Save' : 'Add initiative'}
          saving={saving}
          onCancel={onClose}
          deletion={
            initiative
              ? { question: 'Delete this initiative?', deleting: remove.isPending, onDelete: () => remove.mutate(initiative.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
