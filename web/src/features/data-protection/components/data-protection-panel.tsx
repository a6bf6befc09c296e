import { Alert, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconEraser, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/components/states/error-state';
import { Can } from '@/lib/authorization';
import { useEraseStakeholder } from '../api/erase-stakeholder';
import { useExportStakeholder } from '../api/export-stakeholder';

interface DataProtectionPanelProps {
  stakeholder: { id: string; name: string; erasedAt: string | null };
  onErased?: () => void;
}

/** The person's data-protection rights: a subject-access export, and (admins) erasure. */
export function DataProtectionPanel({ stakeholder, onErased }: DataProtectionPanelProps) {
  const exportData = useExportStakeholder();
  const [erasing, setErasing] = useState(false);

  return (
    <Can permission="subjects:export">
      <Card component="section" aria-labelledby="data-protection-heading">
        <Stack gap="sm">
          <Group gap="xs">
            <IconShieldLock size={18} />
            <Title order={2} fz="md" id="data-protection-heading">
              Data protection
            </Title>
          </Group>
          <Text size="sm" c="dimmed">
            For a subject-access request, export everything Soundings holds about this person. Erasure removes their
            personal data everywhere and keeps only anonymous counts.
          </Text>
          {exportData.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(exportData.error)}
            </Alert>
          )}
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={exportData.isPending}
              onClick={() => exportData.mutate(stakeholder.id)}
            >
              Export everything (JSON)
            </Button>
            {stakeholder.erasedAt === null && (
              <Can permission="subjects:erase">
                <Button variant="light" color="red" leftSection={<IconEraser size={16} />} onClick={() => setErasing(true)}>
                  Erase this person
                </Button>
              </Can>
            )}
          </Group>
        </Stack>
        <EraseStakeholderModal stakeholder={stakeholder} opened={erasing} onClose={() => setErasing(false)} onErased={onErased} />
      </Card>
    </Can>
  );
}

function EraseStakeholderModal({
  stakeholder,
  opened,
  onClose,
  onErased,
}: {
  stakeholder: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
  onErased?: () => void;
}) {
  const erase = useEraseStakeholder();
  const [typed, setTyped] = useState('');
  const confirmed = typed.trim() === stakeholder.name.trim();

  const close = () => {
    setTyped('');
    erase.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Erase ${stakeholder.name}?`} centered>
      <Stack gap="sm">
        <Text size="sm">
          This removes their name, contact details, the words of every sounding and fear about them, their briefs, and
          mentions of them in other people&apos;s notes. Levels, dates and counts stay so the dashboard keeps adding up.
          It cannot be undone.
        </Text>
        {erase.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(erase.error)}
          </Alert>
        )}
        <TextInput
          label={`Type "${stakeholder.name}" to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.currentTarget.value)}
          autoComplete="off"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            disabled={!confirmed}
            loading={erase.isPending}
            onClick={() =>
              erase.mutate(stakeholder.id, {
                onSuccess: () => {
                  notifications.show({ color: 'gray', title: 'Personal data erased', message: 'The record now keeps only anonymous counts.' });
                  close();
                  onErased?.();
                },
              })
            }
          >
            Erase permanently
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
