import { notifications } from '@mantine/notifications';
import type { Priority } from '@soundings/shared';
import { notifyDeleted } from '@/components/deleted-notification';

export function notifyPrioritySaved(priority: Priority, created: boolean): void {
  notifications.show({ color: 'teal', title: created ? 'Priority added' : 'Priority saved', message: `${priority.businessFunction}: ${priority.title}` });
}

export function notifyPriorityRemoved(priority: Priority): void {
  notifyDeleted({ id: priority.id, title: 'Priority removed', message: `${priority.businessFunction}: ${priority.title}` });
}
