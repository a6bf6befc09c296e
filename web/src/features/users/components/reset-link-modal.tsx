import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { IssuedPasswordReset, User } from '@soundings/shared';
import { IconAlertTriangle } from '@tabler/icons-react';
import { CopyableSecret } from '@/components/copyable-secret';
import { formatDateTime } from '@/lib/dates';

interface ResetLinkModalProps {
  /** Whose link, and the link itself; null when there is nothing to show. */
  issued: { user: User; reset: IssuedPasswordReset } | null;
  /** Forgets the link: it cannot be shown again. */
  onDone: () => void;
}

/** The only time a reset link is on screen: Soundings keeps only its hash, and sends no e-mail. */
export function ResetLinkModal({ issued, onDone }: ResetLinkModalProps) {
  const link = issued ? `${window.location.origin}${issued.reset.path}` : '';
  const name = issued ? (issued.user.displayName ?? issued.user.email) : '';
  return (
    <Modal opened={issued !== null} onClose={onDone} title={`Reset link for ${name}`} size="lg" closeOnClickOutside={false} closeButtonProps={{ 'aria-label': 'Close' }}>
      {issued && (
        <Stack gap="md">
          <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Copy it now: it is shown only once">
            Give it to {name} yourself, in person or over a channel you trust. It works once, until{' '}
            {formatDateTime(issued.reset.expiresAt)}; when it is used, every session of theirs ends. Anyone holding it can set their
            password.
          </Alert>
          <CopyableSecret value={link} label="Password reset link" copyLabel="Copy the link" />
          <Text size="xs" c="dimmed">
            Issuing another link for {name} makes this one stop working.
          </Text>
          <Group justify="flex-end">
            <Button onClick={onDone}>Done</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
