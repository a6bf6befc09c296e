import { Alert, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import {
  CHAMPION_TEST_LABELS,
  CHAMPION_TEST_QUESTIONS,
  CHAMPION_TESTS,
  LIMITS,
  type ChampionEvidence,
  type ChampionTest,
  type CoalitionMember,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { notifyDeleted } from '@/components/deleted-notification';
import { FormActions } from '@/components/form-actions';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { fieldSentence, textError } from '@/lib/format';
import { championQueries } from '../api/champion-queries';
import { useDeleteEvidence } from '../api/delete-evidence';
import { useRecordEvidence } from '../api/record-evidence';
import { useUpdateEvidence } from '../api/update-evidence';
import { DateField } from '@/components/date-field';

const TEST_OPTIONS = CHAMPION_TESTS.map((test) => ({ value: test, label: `${CHAMPION_TEST_LABELS[test]}: ${CHAMPION_TEST_QUESTIONS[test].toLowerCase()}` }));

export interface EvidenceFormTarget {
  /** Recorded evidence to edit; absent to record new evidence. */
  evidenceId?: string;
  /** Who new evidence is about, when already known. */
  stakeholderId?: string;
  test?: ChampionTest;
}

interface EvidenceFormModalProps {
  target: EvidenceFormTarget | null;
  onClose: () => void;
  /** Potential champions to choose from when recording for someone not yet chosen. */
  people: CoalitionMember[];
}

export function EvidenceFormModal({ target, onClose, people }: EvidenceFormModalProps) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target?.evidenceId ? 'Edit the evidence' : 'Record evidence'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {target?.evidenceId ? (
        <ExistingEvidence id={target.evidenceId} onClose={onClose} people={people} />
      ) : (
        target && <EvidenceForm key={target.stakeholderId ?? 'new'} evidence={null} target={target} onClose={onClose} people={people} />
      )}
    </Modal>
  );
}

function ExistingEvidence({ id, onClose, people }: { id: string; onClose: () => void; people: CoalitionMember[] }) {
  const evidence = useQuery(championQueries.evidence(id));
  if (evidence.isPending) return <LoadingState label="Loading the evidence…" />;
  if (evidence.isError) return <ErrorState error={evidence.error} title="The evidence could not be loaded" onRetry={() => void evidence.refetch()} />;
  return <EvidenceForm key={`${id}:${evidence.data.version}`} evidence={evidence.data} target={{}} onClose={onClose} people={people} />;
}

function EvidenceForm({
  evidence,
  target,
  onClose,
  people,
}: {
  evidence: ChampionEvidence | null;
  target: EvidenceFormTarget;
  onClose: () => void;
  people: CoalitionMember[];
}) {
  const record = useRecordEvidence();
  const update = useUpdateEvidence();
  const remove = useDeleteEvidence();
  const [stakeholderId, setStakeholderId] = useState<string | null>(evidence?.stakeholderId ?? target.stakeholderId ?? null);
  const [test, setTest] = useState<ChampionTest | null>(evidence?.test ?? target.test ?? null);
  const [text, setText] = useState(evidence?.evidence ?? '');
  const [on, setOn] = useState(evidence?.on ?? todayIso());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const failure = record.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;
  const person = people.find((candidate) => candidate.id === stakeholderId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!stakeholderId) found.stakeholderId = 'Choose whom the evidence is about.';
    if (!test) found.test = 'Choose the test it is evidence for.';
    const problem = textError(text, 'text');
    if (!text.trim()) found.evidence = 'Say what they did or said.';
    else if (problem) found.evidence = problem;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) found.on = 'Enter the date.';
    else if (on > todayIso()) found.on = 'The date must not be in the future.';
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !stakeholderId || !test) return;
    const fields = { test, evidence: text.trim(), on };
    if (evidence) update.mutate({ evidence, changes: fields }, { onSuccess: onClose });
    else record.mutate({ stakeholderId, ...fields }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title="Not saved">
            {isApiError(generalError) && generalError.isVersionConflict
              ? 'Someone else changed this evidence meanwhile. The form now shows their version.'
              : generalError.message}
          </Alert>
        )}
        {evidence || target.stakeholderId ? (
          <TextInput label="About" value={person?.name ?? 'This person'} readOnly variant="filled" />
        ) : (
          <Select
            label="About"
            required
            searchable
            placeholder="Choose a potential champion"
            data={people.map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={stakeholderId}
            onChange={setStakeholderId}
            error={clientErrors.stakeholderId ?? fieldSentence(server.stakeholderId)}
          />
        )}
        <Select
          label="Test"
          required
          placeholder="Which test is this evidence for?"
          data={TEST_OPTIONS}
          value={test}
          onChange={(value) => setTest(value as ChampionTest | null)}
          allowDeselect={false}
          error={clientErrors.test ?? fieldSentence(server.test)}
        />
        <Textarea
          label="Evidence"
          description="What they did or said, and where"
          required
          autosize
          minRows={3}
          maxLength={LIMITS.longText}
          placeholder="Took the case to the Finance leadership team without HR in the room"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={clientErrors.evidence ?? fieldSentence(server.evidence)}
        />
        <DateField
          label="Date"
          required
          maw={220}
          maxDate={todayIso()}
          value={on}
          onChange={(day) => setOn(day)}
          error={clientErrors.on ?? fieldSentence(server.on)}
        />
        <FormActions
          submitLabel={evidence ? 'Save' : 'Record evidence'}
          saving={record.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            evidence
              ? {
                  question: 'Remove this evidence?',
                  deleting: remove.isPending,
                  onDelete: () =>
                    remove.mutate(evidence.id, {
                      onSuccess: () => {
                        onClose();
                        notifyDeleted({
                          id: evidence.id,
                          title: 'Evidence removed',
                          message: `${CHAMPION_TEST_LABELS[evidence.test]} evidence${person ? ` for ${person.name}` : ''}.`,
                        });
                      },
                    }),
                }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
