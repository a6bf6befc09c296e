import { Alert, Modal, Radio, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  LIMITS,
  RELATIONSHIP_QUALITIES,
  RELATIONSHIP_QUALITY_LABELS,
  RELATIONSHIP_QUALITY_MEANINGS,
  type Relationship,
  type RelationshipHolderType,
  type RelationshipQuality,
  type StakeholderRef,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';
import { useCreateRelationship } from '../api/create-relationship';
import { useDeleteRelationship } from '../api/delete-relationship';
import { relationshipQueries } from '../api/relationship-queries';
import { useUpdateRelationship } from '../api/update-relationship';

/** What the page hands in to pick a champion (the picker belongs to the stakeholders feature). */
export interface ChampionPickerProps {
  label: string;
  placeholder: string;
  value: StakeholderRef | null;
  onChange: (stakeholder: StakeholderRef | null) => void;
  error?: string;
  excludeId?: string;
}

/** A relationship to change: from the list (a whole record) or from a matrix cell. */
export interface EditedRelationship {
  id: string;
  version: number;
  quality: RelationshipQuality;
  note: string | null;
}

interface RelationshipFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The person the relationship is with. */
  subject: StakeholderRef;
  /** Set when the holder is already known (a matrix cell); otherwise the form asks. */
  holder?: { type: RelationshipHolderType; id: string; name: string } | null;
  /** Null to add one. */
  relationship: EditedRelationship | null;
  renderChampionPicker?: (props: ChampionPickerProps) => ReactNode;
  onSaved?: (relationship: Relationship, created: boolean) => void;
  onDeleted?: () => void;
}

export function RelationshipFormModal(props: RelationshipFormModalProps) {
  const title = props.relationship
    ? `Relationship${props.holder ? ` of ${props.holder.name}` : ''} with ${props.subject.name}`
    : `Who holds the relationship with ${props.subject.name}`;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <RelationshipForm key={props.relationship ? `${props.relationship.id}:${props.relationship.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function RelationshipForm({ subject, holder, relationship, onClose, renderChampionPicker, onSaved, onDeleted }: RelationshipFormModalProps) {
  const create = useCreateRelationship();
  const update = useUpdateRelationship();
  const remove = useDeleteRelationship();
  const [holderType, setHolderType] = useState<RelationshipHolderType>(holder?.type ?? 'champion');
  const [champion, setChampion] = useState<StakeholderRef | null>(null);
  const [accountId, setAccountId] = useState<string | null>(null);
  const [quality, setQuality] = useState<RelationshipQuality>(relationship?.quality ?? 'strong');
  const [note, setNote] = useState(relationship?.note ?? '');
  const [missingHolder, setMissingHolder] = useState(false);
  const asksForHolder = !relationship && !holder;
  const accounts = useQuery({ ...relationshipQueries.holderAccounts(), enabled: asksForHolder && holderType === 'account' });

  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const holderError = missingHolder
    ? holderType === 'champion'
      ? 'Choose the champion who holds it.'
      : 'Choose the HR account that holds it.'
    : fieldSentence(holderType === 'champion' ? server.holderStakeholderId : server.holderUserId);
  const generalError = failure && !holderError && !server.quality && !server.note ? failure : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleanNote = note.trim() || null;
    if (relationship) {
      update.mutate({ relationship, changes: { quality, note: cleanNote } }, { onSuccess: (saved) => onSaved?.(saved, false) });
      return;
    }
    const holderId = holder?.id ?? (holderType === 'champion' ? champion?.id : accountId);
    if (!holderId) {
      setMissingHolder(true);
      return;
    }
    const type = holder?.type ?? holderType;
    create.mutate(
      {
        stakeholderId: subject.id,
        ...(type === 'champion' ? { holderStakeholderId: holderId } : { holderUserId: holderId }),
        quality,
        note: cleanNote,
      },
      { onSuccess: (saved) => onSaved?.(saved, true) },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this relationship' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        {holder && (
          <Text size="sm">
            Held by <strong>{holder.name}</strong> ({holder.type === 'champion' ? 'a champion' : 'HR'}).
          </Text>
        )}
        {asksForHolder && (
          <Stack gap={6}>
            <Text size="sm" fw={500} id="holder-kind-label">
              Who holds it
            </Text>
            <SegmentedControl
              aria-labelledby="holder-kind-label"
              value={holderType}
              onChange={(value) => {
                setHolderType(value as RelationshipHolderType);
                setMissingHolder(false);
                create.reset();
              }}
              data={[
                { value: 'champion', label: 'A champion' },
                { value: 'account', label: 'Someone in HR' },
              ]}
              w="fit-content"
            />
            {holderType === 'champion'
              ? renderChampionPicker?.({
                  label: 'Champion',
                  placeholder: 'Search by name',
                  value: champion,
                  onChange: (picked) => {
                    setChampion(picked);
                    setMissingHolder(false);
                    create.reset();
                  },
                  error: holderError,
                  excludeId: subject.id,
                })
              : (
                <Select
                  label="HR account"
                  placeholder="Search by name or email"
                  searchable
                  data={(accounts.data ?? []).map((account) => ({ value: account.id, label: account.name }))}
                  value={accountId}
                  onChange={(value) => {
                    setAccountId(value);
                    setMissingHolder(false);
                    create.reset();
                  }}
                  error={holderError}
                  nothingFoundMessage={accounts.isFetching ? 'Loading…' : 'No account matches'}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
          </Stack>
        )}
        <Radio.Group label="Quality" value={quality} onChange={(value) => setQuality(value as RelationshipQuality)} error={fieldSentence(server.quality)}>
          <Stack gap="xs" mt={6}>
            {RELATIONSHIP_QUALITIES.map((option) => (
              <Radio key={option} value={option} label={RELATIONSHIP_QUALITY_LABELS[option]} description={RELATIONSHIP_QUALITY_MEANINGS[option]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Note"
          description="How they know each other, what to be careful of. Kept to this relationship."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldSentence(server.note)}
        />
        <FormActions
          submitLabel={relationship ? 'Save' : 'Add'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            relationship
              ? { question: 'Remove this relationship?', deleting: remove.isPending, onDelete: () => remove.mutate(relationship.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
