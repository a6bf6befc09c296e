import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useBlocker } from 'react-router';

interface LeaveGuardProps {
  /** Read when someone tries to leave: true while there is something unsaved. */
  shouldBlock: () => boolean;
  onDiscard: () => void;
}

/**
 * Asks before an in-app link, the sidebar or Back leaves a half-written sounding. The draft is kept on this
 * device either way unless they choose to discard it.
 */
export function LeaveGuard({ shouldBlock, onDiscard }: LeaveGuardProps) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && shouldBlock());
  const open = blocker.state === 'blocked';
  return (
    <Modal opened={open} onClose={() => blocker.reset?.()} title="Leave this sounding unsaved?" centered closeButtonProps={{ 'aria-label': 'Stay on the form' }}>
      <Stack gap="md">
        <Text size="sm">
          It has not been saved yet. A draft stays on this device, and the form offers it again when you come back to this person.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button
            variant="subtle"
            color="red"
            onClick={() => {
              onDiscard();
              blocker.proceed?.();
            }}
          >
            Discard the draft and leave
          </Button>
          <Button variant="default" onClick={() => blocker.proceed?.()}>
            Leave, keep the draft
          </Button>
          <Button onClick={() => blocker.reset?.()} data-autofocus>
            Stay and finish
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
