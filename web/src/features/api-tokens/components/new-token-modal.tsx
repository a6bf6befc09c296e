import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedApiToken } from '@soundings/shared';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyableSecret } from '@/components/copyable-secret';

interface NewTokenModalProps {
  /** The token just created, secret included; null when there is nothing to show. */
  created: CreatedApiToken | null;
  /** Forgets the secret: it cannot be shown again. */
  onDone: () => void;
}

/** The only time a token's secret is on screen. */
export function NewTokenModal({ created, onDone }: NewTokenModalProps) {
  return (
    <Modal
      opened={created !== null}
      onClose={onDone}
      title="Copy your new token now"
      size="lg"
      closeOnClickOutside={false}
    >
      {created && (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="This is the only time it is shown">
            Soundings keeps only a hash of it. Store it where your script can read it (a secrets manager, not a shared
            document). If you lose it, revoke it and create another. Anyone holding it acts as you.
          </Alert>
          <div>
            <Text size="sm" fw={600} mb={4}>
              {created.name}
            </Text>
            <CopyableSecret value={created.token} label="New API token" copyLabel="Copy the token" />
          </div>
          <div>
            <Text size="xs" c="dimmed" mb={4}>
              Use it in the Authorization header:
            </Text>
            <Code block fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{`curl -H "Authorization: Bearer $SOUNDINGS_TOKEN" ${window.location.origin}/api/stakeholders`}</Code>
          </div>
          <Group justify="flex-end">
            <Button onClick={onDone}>I have stored it</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
