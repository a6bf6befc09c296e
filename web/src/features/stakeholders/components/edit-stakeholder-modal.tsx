import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import type { Stakeholder } from '@soundings/shared';
import { useState } from 'react';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { useDeleteStakeholder } from '../api/delete-stakeholder';
import { useUpdateStakeholder } from '../api/update-stakeholder';
import { changedFields, formValuesToInput, StakeholderForm, stakeholderToFormValues } from './stakeholder-form';

interface EditStakeholderModalProps {
  stakeholder: Stakeholder;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}

export function EditStakeholderModal({ stakeholder, opened, onClose, onDeleted }: EditStakeholderModalProps) {
  const updateStakeholder = useUpdateStakeholder(stakeholder.id);
  const deleteStakeholder = useDeleteStakeholder();
  // After a conflict the form restarts from the record as it is now, at its new version.
  const [conflictBase, setConflictBase] = useState<Stakeholder | null>(null);
  const base = conflictBase && conflictBase.version >= stakeholder.version ? conflictBase : stakeholder;
  const [conflict, setConflict] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const error = updateStakeholder.error;
  const serverErrors = fieldErrorsOf(error);
  const generalError = error && !conflict && Object.keys(serverErrors).length === 0 ? error : null;

  const close = () => {
    updateStakeholder.reset();
    setConflict(false);
    setConflictBase(null);
    setConfirmingDelete(false);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Edit ${base.name}`} size="lg">
      {opened && (
        <StakeholderForm
          key={`${base.id}:${base.version}`}
          initialValues={stakeholderToFormValues(base)}
          stakeholderId={base.id}
          submitLabel="Save changes"
          submitting={updateStakeholder.isPending}
          serverErrors={serverErrors}
          onCancel={close}
          onSubmit={(values) => {
            const changes = changedFields(formValuesToInput(stakeholderToFormValues(base)), formValuesToInput(values));
            if (Object.keys(changes).length === 0) {
              close();
              return;
            }
            setConflict(false);
            updateStakeholder.mutate(
              { ...changes, version: base.version },
              {
                onSuccess: () => close(),
                onError: (failure) => {
                  if (isApiError(failure) && failure.isVersionConflict) {
                    setConflict(true);
                    if (failure.current) setConflictBase(failure.current as Stakeholder);
                  }
                },
              },
            );
          }}
          banner={
            <>
              {conflict && (
                <Alert color="orange" variant="light" title="Someone else changed this" role="alert">
                  Another person saved changes to {base.name} while you were editing. The form now shows their
                  version; make your change again and save.
                </Alert>
              )}
              {generalError && (
                <Alert color="red" variant="light" title="Your changes were not saved" role="alert">
                  {generalError.message}
                </Alert>
              )}
            </>
          }
          footerStart={
            confirmingDelete ? (
              <Stack gap={4}>
                <Text size="xs" c="red.8">
                  Delete {base.name} and every sounding and fear recorded about them? They can be restored for 30 days.
                </Text>
                <Button
                  size="xs"
                  color="red"
                  loading={deleteStakeholder.isPending}
                  onClick={() => deleteStakeholder.mutate(base.id, { onSuccess: onDeleted })}
                >
                  Yes, delete
                </Button>
              </Stack>
            ) : (
              <Button variant="subtle" color="red" onClick={() => setConfirmingDelete(true)}>
                Delete…
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}
