import { Alert, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, type ProofPoint } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { notifyDeleted } from '@/components/deleted-notification';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { fieldSentence } from '@/lib/format';
import { useAddProofPoint, useDeleteProofPoint, useUpdateProofPoint } from '../api/save-proof-point';
import { DateField } from '@/components/date-field';

interface ProofPointFormModalProps {
  opened: boolean;
  onClose: () => void;
  pilotId: string;
  /** Null to add a result. */
  proof: ProofPoint | null;
}

export function ProofPointFormModal(props: ProofPointFormModalProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.proof ? 'Edit the result' : 'Add a result'} closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <ProofPointForm key={props.proof ? `${props.proof.id}:${props.proof.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function ProofPointForm({ pilotId, proof, onClose }: ProofPointFormModalProps) {
  const add = useAddProofPoint();
  const update = useUpdateProofPoint();
  const remove = useDeleteProofPoint();
  const [observedOn, setObservedOn] = useState(proof?.observedOn ?? todayIso());
  const [result, setResult] = useState(proof?.result ?? '');
  const [value, setValue] = useState<number | string>(proof?.value ?? '');
  const [unit, setUnit] = useState(proof?.unit ?? '');
  const [tried, setTried] = useState(false);

  const failure = add.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const numeric = typeof value === 'number' ? value : null;
  const clientErrors = {
    observedOn: tried && !observedOn ? 'Say when the result was seen.' : undefined,
    result: tried && !result.trim() ? 'Say what the result was, in words.' : undefined,
    unit: tried && unit.trim() && numeric === null ? 'A unit needs a number: add the value, or clear the unit.' : undefined,
  };
  const generalError = failure && !['observedOn', 'result', 'value', 'unit'].some((field) => server[field]) ? failure : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!observedOn || !result.trim() || (unit.trim() && numeric === null)) return;
    const fields = { observedOn, result: result.trim(), value: numeric, unit: unit.trim() || null };
    if (proof) update.mutate({ proof, changes: fields }, { onSuccess: onClose });
    else add.mutate({ pilotId, input: fields }, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this result' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        <DateField
          label="Observed on"
          required
          maxDate={todayIso()}
          value={observedOn}
          onChange={(day) => setObservedOn(day)}
          error={clientErrors.observedOn ?? fieldSentence(server.observedOn)}
          w={200}
        />
        <Textarea
          label="Result"
          required
          placeholder="Attrition among new starters fell from 14% to 9%"
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={result}
          onChange={(e) => setResult(e.currentTarget.value)}
          error={clientErrors.result ?? fieldSentence(server.result)}
        />
        <SimpleGrid cols={2}>
          <NumberInput label="Value" description="If it has a number" value={value} onChange={setValue} decimalScale={4} error={fieldSentence(server.value)} />
          <TextInput label="Unit" description="e.g. %, days, people" maxLength={40} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} error={clientErrors.unit ?? fieldSentence(server.unit)} />
        </SimpleGrid>
        <FormActions
          submitLabel={proof ? 'Save result' : 'Add result'}
          saving={add.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            proof
              ? {
                  question: 'Remove this result?',
                  deleting: remove.isPending,
                  onDelete: () =>
                    remove.mutate(proof.id, {
                      onSuccess: () => {
                        onClose();
                        notifyDeleted({ id: proof.id, title: 'Result removed', message: `${proof.result} is no longer among the pilot's results.` });
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
