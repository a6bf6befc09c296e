import { Alert, Button, Group, Modal, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  INFLUENCE_KIND_LABELS,
  INFLUENCE_KINDS,
  INFLUENCE_STRENGTH_DEFAULT,
  INFLUENCE_STRENGTH_LABELS,
  INFLUENCE_STRENGTHS,
  isSymmetricKind,
  LIMITS,
  type InfluenceKind,
  type InfluenceStrength,
  type StakeholderRef,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { useCreateInfluence } from '../api/create-influence';
import { influenceQueries } from '../api/influence-queries';
import { useUpdateInfluence } from '../api/update-influence';
import { influenceSentence } from './influence-sentence';
import { PersonPicker } from './person-picker';

type Direction = 'from' | 'to';

/** Which way a directed link runs, in words about the person whose page this is. */
function directionLabels(name: string, kind: InfluenceKind): Record<Direction, string> {
  return kind === 'mentor'
    ? { from: `${name} is mentored by them`, to: `${name} mentors them` }
    : { from: `${name} looks to them`, to: `They look to ${name}` };
}

const KIND_OPTIONS = INFLUENCE_KINDS.map((kind) => ({ value: kind, label: INFLUENCE_KIND_LABELS[kind] }));
const STRENGTH_OPTIONS = INFLUENCE_STRENGTHS.map((strength) => ({ value: String(strength), label: INFLUENCE_STRENGTH_LABELS[strength] }));

interface InfluenceLinkModalProps {
  /** The person whose page this is: one end of the link. */
  person: StakeholderRef;
  opened: boolean;
  onClose: () => void;
  /** Edit this link's strength and note instead of adding one. */
  editingId?: string | null;
}

export function InfluenceLinkModal({ person, opened, onClose, editingId = null }: InfluenceLinkModalProps) {
  const create = useCreateInfluence();
  const update = useUpdateInfluence();
  const existing = useQuery({ ...influenceQueries.detail(editingId ?? ''), enabled: opened && editingId !== null });
  const [kind, setKind] = useState<InfluenceKind>('looks_to');
  const [direction, setDirection] = useState<Direction>('from');
  const [other, setOther] = useState<StakeholderRef | null>(null);
  const [strength, setStrength] = useState<InfluenceStrength>(INFLUENCE_STRENGTH_DEFAULT);
  const [note, setNote] = useState('');
  const [missingPerson, setMissingPerson] = useState(false);
  const mutation = editingId ? update : create;
  const serverErrors = fieldErrorsOf(mutation.error);
  const refusal = isApiError(mutation.error) && (mutation.error.status === 409 || Object.keys(serverErrors).length === 0) ? mutation.error : null;

  useEffect(() => {
    if (existing.data) {
      setStrength(existing.data.strength);
      setNote(existing.data.note ?? '');
    }
  }, [existing.data]);

  const close = () => {
    create.reset();
    update.reset();
    setKind('looks_to');
    setDirection('from');
    setOther(null);
    setStrength(INFLUENCE_STRENGTH_DEFAULT);
    setNote('');
    setMissingPerson(false);
    onClose();
  };

  const symmetric = isSymmetricKind(kind);
  const [fromName, toName] = direction === 'from' || symmetric ? [person.name, other?.name ?? '…'] : [other?.name ?? '…', person.name];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (editingId && existing.data) {
      update.mutate({ id: editingId, changes: { strength, note: note.trim() || null, version: existing.data.version } }, { onSuccess: close });
      return;
    }
    if (!other) {
      setMissingPerson(true);
      return;
    }
    const [fromId, toId] = direction === 'from' || symmetric ? [person.id, other.id] : [other.id, person.id];
    create.mutate({ fromId, toId, kind, strength, note: note.trim() || null }, { onSuccess: close });
  };

  const personError = missingPerson ? 'Choose the other person.' : (serverErrors.toId ?? serverErrors.fromId);
  const editing = existing.data;

  return (
    <Modal opened={opened} onClose={close} title={editingId ? 'Edit the link' : 'Add a link'} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {refusal && (
            <Alert color="red" variant="light" title="The link was not saved" role="alert">
              {refusal.message}
            </Alert>
          )}
          {editingId ? (
            <Text fw={600}>{editing ? `${influenceSentence(editing.from.name, editing.kind, editing.to.name)}.` : 'Loading the link…'}</Text>
          ) : (
            <>
              <Select
                label="Kind of link"
                required
                data={KIND_OPTIONS}
                value={kind}
                allowDeselect={false}
                onChange={(value) => value && setKind(value as InfluenceKind)}
                error={serverErrors.kind}
                comboboxProps={{ withinPortal: true }}
              />
              {!symmetric && (
                <Radio.Group label="Which way" value={direction} onChange={(value) => setDirection(value as Direction)}>
                  <Stack gap={6} mt={6}>
                    {(['from', 'to'] as const).map((value) => (
                      <Radio key={value} value={value} label={directionLabels(person.name, kind)[value]} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <PersonPicker
                label="The other person"
                required
                value={other}
                excludeId={person.id}
                onChange={(picked) => {
                  setOther(picked);
                  setMissingPerson(false);
                }}
                error={personError}
                comboboxProps={{ withinPortal: true }}
              />
              <Text size="sm" aria-live="polite">
                {influenceSentence(fromName, kind, toName)}.
              </Text>
            </>
          )}
          <Select
            label="Strength"
            data={STRENGTH_OPTIONS}
            value={String(strength)}
            allowDeselect={false}
            onChange={(value) => value && setStrength(Number(value) as InfluenceStrength)}
            error={serverErrors.strength}
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
          <Textarea
            label="Note"
            description="Why you think so, in a few words"
            autosize
            minRows={2}
            maxLength={LIMITS.longText}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={serverErrors.note}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={mutation.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={editingId !== null && !editing}>
              {editingId ? 'Save changes' : 'Add link'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
