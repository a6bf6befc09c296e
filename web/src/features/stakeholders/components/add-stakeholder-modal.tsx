import { Alert, Modal } from '@mantine/core';
import type { Stakeholder } from '@soundings/shared';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { useCreateStakeholder } from '../api/create-stakeholder';
import { EMPTY_STAKEHOLDER, formValuesToInput, StakeholderForm } from './stakeholder-form';

interface AddStakeholderModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (stakeholder: Stakeholder) => void;
}

export function AddStakeholderModal({ opened, onClose, onCreated }: AddStakeholderModalProps) {
  const createStakeholder = useCreateStakeholder();
  const serverErrors = fieldErrorsOf(createStakeholder.error);
  const generalError =
    createStakeholder.error && Object.keys(serverErrors).length === 0 ? createStakeholder.error : null;

  const close = () => {
    createStakeholder.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Add a stakeholder" size="lg">
      {opened && (
        <StakeholderForm
          initialValues={EMPTY_STAKEHOLDER}
          submitLabel="Add stakeholder"
          submitting={createStakeholder.isPending}
          serverErrors={serverErrors}
          onCancel={close}
          onSubmit={(values) =>
            createStakeholder.mutate(formValuesToInput(values), {
              onSuccess: (stakeholder) => {
                createStakeholder.reset();
                onCreated(stakeholder);
              },
            })
          }
          banner={
            generalError && (
              <Alert color="red" variant="light" title="The stakeholder was not saved">
                {generalError.message}
                {isApiError(generalError) && generalError.requestId ? ` (reference ${generalError.requestId})` : ''}
              </Alert>
            )
          }
        />
      )}
    </Modal>
  );
}
