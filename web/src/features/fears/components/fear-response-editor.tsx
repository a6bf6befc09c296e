import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, type Fear } from '@soundings/shared';
import { useState } from 'react';

interface FearResponseEditorProps {
  fear: Fear;
  saving: boolean;
  onSave: (changes: { response: string | null; owner: string | null }) => void;
  onCancel: () => void;
}

export function FearResponseEditor({ fear, saving, onSave, onCancel }: FearResponseEditorProps) {
  const [response, setResponse] = useState(fear.response ?? '');
  const [owner, setOwner] = useState(fear.owner ?? '');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSave({ response: response.trim() || null, owner: owner.trim() || null });
      }}
    >
      <Stack gap="xs">
        <Textarea
          label="Response"
          description="How is this fear being answered? What evidence or reassurance was given?"
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={response}
          onChange={(e) => setResponse(e.currentTarget.value)}
          data-autofocus
          autoFocus
          size="sm"
        />
        <TextInput
          label="Owner"
          placeholder="Who follows this up"
          maxLength={LIMITS.shortText}
          value={owner}
          onChange={(e) => setOwner(e.currentTarget.value)}
          size="sm"
        />
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button size="xs" type="submit" loading={saving}>
            Save response
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
