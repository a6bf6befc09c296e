import { notifications } from '@mantine/notifications';
import type { Fear } from '@soundings/shared';
import { isApiError } from '@/lib/api-client';
import { useUpdateFear, type UpdateFearVariables } from '../api/update-fear';

function notifyRefused(error: Error) {
  const conflict = isApiError(error) && error.isVersionConflict;
  notifications.show({
    color: conflict ? 'orange' : 'red',
    title: conflict ? 'Someone else changed this fear' : 'The fear was not updated',
    message: conflict
      ? 'Their version is now on screen. Check it and make your change again.'
      : `${error.message} Your change has been undone.`,
  });
}

/** The fear mutation plus the message a person sees when the server refuses it (the screen has already rolled back). */
export function useFearUpdate() {
  const updateFear = useUpdateFear({ onError: notifyRefused });
  const update = (fear: Fear, changes: UpdateFearVariables['changes'], onSaved?: () => void) =>
    updateFear.mutate({ fear, changes }, { onSuccess: () => onSaved?.() });
  return { update, isPending: updateFear.isPending };
}
