import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RestoredItem } from '@soundings/shared';
import { RESTORE_WINDOW_DAYS } from '@soundings/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { apiClient } from '@/lib/api-client';

/** Undo for a delete: the record and everything deleted with it come back, so every view reloads. */
function UndoDelete({ id, message, notificationId }: { id: string; message: ReactNode; notificationId: string }) {
  const queryClient = useQueryClient();
  const [restoring, setRestoring] = useState(false);
  const undo = async () => {
    setRestoring(true);
    try {
      const restored = await apiClient.post<RestoredItem>(`/deleted-items/${encodeURIComponent(id)}/restore`);
      notifications.hide(notificationId);
      notifications.show({ color: 'teal', title: 'Restored', message: `${restored.label} is back as it was.`, closeButtonProps: { 'aria-label': 'Dismiss' } });
      await queryClient.invalidateQueries();
    } catch (error) {
      setRestoring(false);
      notifications.show({ color: 'red', title: 'Could not undo', message: error instanceof Error ? error.message : 'Try again from Recently deleted.' });
    }
  };
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text size="sm" c="dimmed">
        {message}
      </Text>
      <Button size="compact-sm" variant="light" color="blue" loading={restoring} onClick={() => void undo()}>
        Undo
      </Button>
    </Group>
  );
}

/** The toast after a delete: what went, and an Undo. It can also be restored from Recently deleted for 30 days. */
export function notifyDeleted({ id, title, message }: { id: string; title: string; message?: ReactNode }) {
  const notificationId = `deleted-${id}`;
  notifications.show({
    id: notificationId,
    color: 'gray',
    title,
    autoClose: 10_000,
    closeButtonProps: { 'aria-label': 'Dismiss' },
    message: <UndoDelete id={id} notificationId={notificationId} message={message ?? `Restorable for ${RESTORE_WINDOW_DAYS} days from Recently deleted.`} />,
  });
}
