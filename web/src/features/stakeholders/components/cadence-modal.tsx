import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { CADENCE_DAYS_MAX, CADENCE_DAYS_MIN, STAKEHOLDER_ROLE_LABELS, type Cadence, type Stakeholder } from '@soundings/shared';
import { useState } from 'react';
import { errorMessage } from '@/components/states/error-state';
import { fieldErrorsOf } from '@/lib/api-client';
import { useUpdateStakeholder } from '../api/update-stakeholder';

type Days = number | string;

function wholeDays(value: Days): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= CADENCE_DAYS_MIN && value <= CADENCE_DAYS_MAX ? value : null;
}

/** What the two inputs say is wrong, before anything is sent: amber must come before red. */
export function cadenceInputProblems(ideal: Days, max: Days): { idealDays?: string; maxDays?: string } {
  const range = `Enter whole days from ${CADENCE_DAYS_MIN} to ${CADENCE_DAYS_MAX}`;
  const idealDays = wholeDays(ideal);
  const maxDays = wholeDays(max);
  return {
    ...(idealDays === null ? { idealDays: range } : {}),
    ...(maxDays === null ? { maxDays: range } : idealDays !== null && maxDays < idealDays ? { maxDays: 'Must be at least the ideal interval' } : {}),
  };
}

export function CadenceModal({ stakeholder, opened, onClose }: { stakeholder: Stakeholder; opened: boolean; onClose: () => void }) {
  const update = useUpdateStakeholder(stakeholder.id);
  const [ideal, setIdeal] = useState<Days>(stakeholder.contact.cadence.idealDays);
  const [max, setMax] = useState<Days>(stakeholder.contact.cadence.maxDays);
  const [problems, setProblems] = useState<{ idealDays?: string; maxDays?: string }>({});
  const server = fieldErrorsOf(update.error);

  const save = (cadence: Cadence | null) =>
    update.mutate({ cadence, version: stakeholder.version }, { onSuccess: onClose });

  return (
    <Modal opened={opened} onClose={onClose} title={`How often to be in touch with ${stakeholder.name}`} closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Amber once the ideal interval has passed without contact of any kind, red once the maximum has. Without their own
          cadence, the {STAKEHOLDER_ROLE_LABELS[stakeholder.role].toLowerCase()} cadence from Settings applies.
        </Text>
        {update.isError && !Object.keys(server).length && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(update.error)}
          </Alert>
        )}
        <Group grow align="flex-start">
          <NumberInput label="Ideal interval (days)" min={CADENCE_DAYS_MIN} max={CADENCE_DAYS_MAX} value={ideal} onChange={setIdeal} error={problems.idealDays ?? server['cadence.idealDays']} />
          <NumberInput label="At most (days)" min={CADENCE_DAYS_MIN} max={CADENCE_DAYS_MAX} value={max} onChange={setMax} error={problems.maxDays ?? server['cadence.maxDays']} />
        </Group>
        <Group justify="space-between" mt="xs">
          {stakeholder.contact.personal ? (
            <Button variant="subtle" onClick={() => save(null)} loading={update.isPending}>
              Use the role&apos;s cadence
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              loading={update.isPending}
              onClick={() => {
                const found = cadenceInputProblems(ideal, max);
                setProblems(found);
                if (Object.keys(found).length === 0) save({ idealDays: ideal as number, maxDays: max as number });
              }}
            >
              Save cadence
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
