import { ActionIcon, Alert, Button, Code, CopyButton, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import type { CreatedApiToken } from '@soundings/shared';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

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
            <Group gap="xs" wrap="nowrap" align="center">
              <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label="New API token">
                {created.token}
              </Code>
              <CopyButton value={created.token} timeout={2500}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
                    <ActionIcon
                      size="lg"
                      variant={copied ? 'filled' : 'default'}
                      color={copied ? 'teal' : undefined}
                      onClick={copy}
                      aria-label={copied ? 'Copied' : 'Copy the token'}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
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
