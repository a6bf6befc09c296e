import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';

interface FormActionsProps {
  submitLabel: string;
  saving: boolean;
  onCancel: () => void;
  /** Offered only when editing an existing record; asks once more before deleting. */
  deletion?: { question: string; deleting: boolean; onDelete: () => void };
}

/** The footer of an edit form: delete (with a confirmation step) on the left, cancel and save on the right. */
export function FormActions({ submitLabel, saving, onCancel, deletion }: FormActionsProps) {
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  return (
    <Group justify="space-between" mt="xs">
      <div>
        {deletion &&
          (confirmingDelete ? (
            <Group gap="xs">
              <Text size="xs" c="red.8">
                {deletion.question}
              </Text>
              <Button size="xs" color="red" loading={deletion.deleting} onClick={deletion.onDelete}>
                Delete
              </Button>
            </Group>
          ) : (
            <Button variant="subtle" color="red" onClick={() => setConfirmingDelete(true)}>
              Delete…
            </Button>
          ))}
      </div>
      <Group gap="sm">
        <Button variant="default" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
