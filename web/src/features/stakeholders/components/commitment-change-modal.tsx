import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import {
  COMMITMENT_LADDER,
  LIMITS,
  SOUNDING_LEVELS,
  type CommitmentLevel,
} from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { CommitmentBadge } from '@/components/commitment-badge';
import { fieldErrorsOf } from '@/lib/api-client';
import { todayIso } from '@/lib/dates';
import { useRecordCommitmentChange } from '../api/record-commitment-change';
import { DateField } from '@/components/date-field';

interface CommitmentChangeModalProps {
  stakeholderId: string;
  stakeholderName: string;
  current: CommitmentLevel;
  opened: boolean;
  onClose: () => void;
}

const LEVEL_OPTIONS = SOUNDING_LEVELS.map((level) => ({
  value: level,
  label: `${COMMITMENT_LADDER[level].label} — ${COMMITMENT_LADDER[level].meaning}`,
}));

export function CommitmentChangeModal({ stakeholderId, stakeholderName, current, opened, onClose }: CommitmentChangeModalProps) {
  const recordChange = useRecordCommitmentChange(stakeholderId);
  const [level, setLevel] = useState<CommitmentLevel | null>(null);
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const serverErrors = fieldErrorsOf(recordChange.error);
  const errors = { ...serverErrors, ...clientErrors };
  const generalError = recordChange.error && Object.keys(serverErrors).length === 0 ? recordChange.error : null;

  const close = () => {
    recordChange.reset();
    setLevel(null);
    setOn(todayIso());
    setReason('');
    setClientErrors({});
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!level) found.level = 'Choose where they stand now.';
    else if (level === current) found.level = `${stakeholderName} is already ${COMMITMENT_LADDER[level].label.toLowerCase()}.`;
    if (!on) found.on = 'Enter the date it changed.';
    else if (on > todayIso()) found.on = 'The date cannot be in the future.';
    if (!reason.trim()) found.reason = 'Say what happened: the evidence for the new level.';
    setClientErrors(found);
    if (Object.keys(found).length > 0 || !level) return;
    recordChange.mutate({ level, on, reason: reason.trim() }, { onSuccess: close });
  };

  return (
    <Modal opened={opened} onClose={close} title="Record a level change" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            A level changes only on evidence. Record what {stakeholderName} said or did, so the path can be replayed
            later.
          </Text>
          <Group gap="xs">
            <Text size="sm">Now:</Text>
            <CommitmentBadge level={current} />
          </Group>
          {generalError && (
            <Alert color="red" variant="light" title="The change was not recorded" role="alert">
              {generalError.message}
            </Alert>
          )}
          <Select
            label="New level"
            required
            data-autofocus
            placeholder="Choose a level"
            data={LEVEL_OPTIONS}
            value={level}
            onChange={(value) => {
              setLevel(value as CommitmentLevel | null);
              setClientErrors(({ level: _level, ...rest }) => rest);
            }}
            error={errors.level}
            comboboxProps={{ withinPortal: true }}
          />
          <DateField
            label="Date"
            required
            maxDate={todayIso()}
            value={on}
            onChange={(day) => setOn(day)}
            error={errors.on}
            w={200}
          />
          <Textarea
            label="Reason and evidence"
            required
            placeholder="Agreed to sponsor the Finance pilot at our one-to-one"
            autosize
            minRows={3}
            maxLength={LIMITS.longText}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setClientErrors(({ reason: _reason, ...rest }) => rest);
            }}
            error={errors.reason}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={recordChange.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={recordChange.isPending}>
              Record change
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
