import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { User } from '@soundings/shared';
import { IconAlertTriangle } from '@tabler/icons-react';
import { fieldErrorsOf } from '@/lib/api-client';
import { fieldSentence } from '@/lib/format';

interface DeactivateUserModalProps {
  user: User | null;
  deactivating: boolean;
  error: Error | null;
  onConfirm: (user: User) => void;
  onClose: () => void;
}

/** Deactivation is immediate: say so before it happens. */
export function DeactivateUserModal({ user, deactivating, error, onConfirm, onClose }: DeactivateUserModalProps) {
  const name = user ? (user.displayName ?? user.email) : '';
  const fieldMessage = Object.values(fieldErrorsOf(error))[0];
  return (
    <Modal opened={user !== null} onClose={onClose} title={`Deactivate ${name}?`}>
      {user && (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm" fw={600}>
              Their sessions end at once.
            </Text>
            <List size="sm" mt={4} spacing={2}>
              <List.Item>{name} is signed out everywhere, mid-sentence if they are typing.</List.Item>
              <List.Item>Their API tokens stop working.</List.Item>
              <List.Item>What they recorded stays, and so does the audit trail.</List.Item>
            </List>
          </Alert>
          {error && (
            <Alert color="red" variant="light" role="alert" title="Not deactivated">
              {fieldMessage ? `${name}: ${fieldSentence(fieldMessage)?.toLowerCase()}` : error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={deactivating}>
              Cancel
            </Button>
            <Button color="red" loading={deactivating} onClick={() => onConfirm(user)}>
              Deactivate and sign out
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
