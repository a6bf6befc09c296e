import { Alert, Modal, Radio, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  EXPECTATION_STATUS_LABELS,
  EXPECTATION_STATUSES,
  LIMITS,
  type CreateExpectationRequest,
  type Expectation,
  type ExpectationStatus,
  type StakeholderRef,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { fieldSentence, textError } from '@/lib/format';
import { useCreateExpectation } from '../api/create-expectation';
import { useDeleteExpectation } from '../api/delete-expectation';
import { expectationQueries } from '../api/expectation-queries';
import { useUpdateExpectation } from '../api/update-expectation';
import { DateField } from '@/components/date-field';

/** What the page hands in to pick a champion (the picker belongs to the stakeholders feature). */
export interface TellerPickerProps {
  label: string;
  placeholder: string;
  value: StakeholderRef | null;
  onChange: (stakeholder: StakeholderRef | null) => void;
  error?: string;
  excludeId?: string;
}

type TellerKind = 'me' | 'account' | 'champion';

interface ExpectationFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The leader who was told. */
  subject: StakeholderRef;
  /** Null to record a new one. */
  expectation: Expectation | null;
  renderChampionPicker: (props: TellerPickerProps) => ReactNode;
  onSaved?: (expectation: Expectation, created: boolean) => void;
  onDeleted?: () => void;
}

export function ExpectationFormModal(props: ExpectationFormModalProps) {
  const title = props.expectation ? `What ${props.subject.name} expects` : `What was ${props.subject.name} told to expect?`;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title} size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {props.opened && <ExpectationForm key={props.expectation ? `${props.expectation.id}:${props.expectation.version}` : 'new'} {...props} />}
    </Modal>
  );
}

/** A new expectation starts as told by you; an existing one as told by whoever is on record. */
function initialTeller(expectation: Expectation | null): TellerKind {
  if (!expectation) return 'me';
  return expectation.toldBy?.type === 'champion' ? 'champion' : 'account';
}

function ExpectationForm({ subject, expectation, onClose, renderChampionPicker, onSaved, onDeleted }: ExpectationFormModalProps) {
  const create = useCreateExpectation();
  const update = useUpdateExpectation();
  const remove = useDeleteExpectation();
  const [text, setText] = useState(expectation?.expectation ?? '');
  const [toldOn, setToldOn] = useState(expectation?.toldOn ?? todayIso());
  const [tellerKind, setTellerKind] = useState<TellerKind>(initialTeller(expectation));
  const [accountId, setAccountId] = useState<string | null>(expectation?.toldBy?.type === 'account' ? expectation.toldBy.id : null);
  const [champion, setChampion] = useState<StakeholderRef | null>(
    expectation?.toldBy?.type === 'champion' ? { id: expectation.toldBy.id, name: expectation.toldBy.name } : null,
  );
  const [realistic, setRealistic] = useState<'yes' | 'no' | null>(expectation ? (expectation.realistic ? 'yes' : 'no') : null);
  const [status, setStatus] = useState<ExpectationStatus>(expectation?.status ?? 'open');
  const [note, setNote] = useState(expectation?.note ?? '');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const accounts = useQuery({ ...expectationQueries.tellerAccounts(), enabled: tellerKind === 'account' });

  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  const generalError = failure && Object.keys(server).length === 0 ? failure : null;
  // The account on record stays offered even once deactivated, so the form shows who it is.
  const accountOptions = (accounts.data ?? []).map((account) => ({ value: account.id, label: account.name }));
  if (expectation?.toldBy?.type === 'account' && !accountOptions.some((option) => option.value === expectation.toldBy!.id)) {
    accountOptions.unshift({ value: expectation.toldBy.id, label: expectation.toldBy.name });
  }
  const tellerError = clientErrors.teller ?? fieldSentence(tellerKind === 'champion' ? server.toldByStakeholderId : server.toldByUserId);

  // "I did" lets the API name the signed-in account; a change leaves the teller alone unless it was changed here.
  const tellerFields = (): Pick<CreateExpectationRequest, 'toldByUserId' | 'toldByStakeholderId'> | null => {
    if (tellerKind === 'me') return {};
    const picked = tellerKind === 'account' ? accountId : champion?.id;
    if (!picked) return null;
    if (expectation?.toldBy && expectation.toldBy.type === (tellerKind === 'account' ? 'account' : 'champion') && expectation.toldBy.id === picked) return {};
    return tellerKind === 'account' ? { toldByUserId: picked, toldByStakeholderId: null } : { toldByStakeholderId: picked, toldByUserId: null };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const problem = textError(text, 'text');
    if (!text.trim()) found.expectation = 'Say what they were told to expect.';
    else if (problem) found.expectation = problem;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(toldOn)) found.toldOn = 'Enter the date they were told.';
    else if (toldOn > todayIso()) found.toldOn = 'The date must not be in the future.';
    if (realistic === null) found.realistic = 'Say whether it is realistic.';
    const teller = tellerFields();
    if (teller === null) found.teller = tellerKind === 'champion' ? 'Choose the champion who told them.' : 'Choose the account that told them.';
    setClientErrors(found);
    if (Object.keys(found).length > 0 || teller === null || realistic === null) return;
    const fields = { expectation: text.trim(), toldOn, realistic: realistic === 'yes', status, note: note.trim() || null };
    if (expectation) {
      update.mutate({ expectation, changes: { ...fields, ...teller } }, { onSuccess: (saved) => onSaved?.(saved, false) });
    } else {
      create.mutate({ stakeholderId: subject.id, ...fields, ...teller }, { onSuccess: (saved) => onSaved?.(saved, true) });
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert color="red" variant="light" role="alert" title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this expectation' : 'Not saved'}>
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
          </Alert>
        )}
        <Textarea
          label="What they were told to expect"
          description="In the words used with them: beware of over-promising."
          required
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          placeholder="A coach for each of her direct reports by March"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={clientErrors.expectation ?? fieldSentence(server.expectation)}
        />
        <DateField
          label="Told on"
          required
          maw={220}
          maxDate={todayIso()}
          value={toldOn}
          onChange={(day) => setToldOn(day)}
          error={clientErrors.toldOn ?? fieldSentence(server.toldOn)}
        />
        <Stack gap={6}>
          <Text size="sm" fw={500} id="teller-kind-label">
            Who told them
          </Text>
          <SegmentedControl
            aria-labelledby="teller-kind-label"
            value={tellerKind}
            onChange={(value) => {
              setTellerKind(value as TellerKind);
              setClientErrors(({ teller: _teller, ...rest }) => rest);
            }}
            data={[
              ...(expectation ? [] : [{ value: 'me', label: 'I did' }]),
              { value: 'account', label: expectation ? 'An account' : 'Someone else in HR' },
              { value: 'champion', label: 'A champion' },
            ]}
            w="fit-content"
          />
          {tellerKind === 'champion' &&
            renderChampionPicker({
              label: 'Champion',
              placeholder: 'Search by name',
              value: champion,
              onChange: setChampion,
              error: tellerError,
              excludeId: subject.id,
            })}
          {tellerKind === 'account' && (
            <Select
              label="Account"
              placeholder="Search by name or email"
              searchable
              data={accountOptions}
              value={accountId}
              onChange={setAccountId}
              error={tellerError}
              nothingFoundMessage={accounts.isFetching ? 'Loading…' : 'No account matches'}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          {expectation && !expectation.toldBy && (
            <Text size="xs" c="dimmed">
              Whoever told them is no longer on record; name someone to record it again.
            </Text>
          )}
        </Stack>
        <Radio.Group
          label="Can the campaign deliver it?"
          required
          value={realistic}
          onChange={(value) => setRealistic(value as 'yes' | 'no')}
          error={clientErrors.realistic ?? fieldSentence(server.realistic)}
        >
          <Stack gap="xs" mt={6}>
            <Radio value="yes" label="Realistic" description="We can deliver what they were told." />
            <Radio value="no" label="Unrealistic" description="Over-promised: it needs resetting before it disappoints." />
          </Stack>
        </Radio.Group>
        <Radio.Group label="Status" value={status} onChange={(value) => setStatus(value as ExpectationStatus)} error={fieldSentence(server.status)}>
          <Stack gap="xs" mt={6}>
            {EXPECTATION_STATUSES.map((option) => (
              <Radio key={option} value={option} label={EXPECTATION_STATUS_LABELS[option]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Note"
          description="What is being done about it, or why it changed."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldSentence(server.note)}
        />
        <FormActions
          submitLabel={expectation ? 'Save' : 'Record'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            expectation
              ? { question: 'Delete this expectation? Withdrawing it keeps the record.', deleting: remove.isPending, onDelete: () => remove.mutate(expectation.id, { onSuccess: () => onDeleted?.() }) }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
