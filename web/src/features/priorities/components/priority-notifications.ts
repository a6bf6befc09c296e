import { notifications } from '@mantine/notifications';
import type { Priority } from '@soundings/shared';

export function notifyPrioritySaved(priority: Priority, created: boolean): void {
  notifications.show({ color: 'teal', title: created ? 'Priority added' : 'Priority saved', message: `${priority.businessFunction}: ${priority.title}` });
}

export function notifyPriorityRemoved(priority: Priority): void {
  notifications.show({ color: 'gray', title: 'Priority removed', message: `${priority.businessFunction}: ${priority.title}` });
}
