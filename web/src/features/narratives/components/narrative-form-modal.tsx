import { Alert, Button, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { LIMITS, type Narrative } from '@soundings/shared';
import { useState, type FormEvent } from 'react';
import { notifyDeleted } from '@/components/deleted-notification';
import { FormActions } from '@/components/form-actions';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { fieldSentence, textError } from '@/lib/format';
import { useCreateNarrative } from '../api/create-narrative';
import { useDeleteNarrative } from '../api/delete-narrative';
import { useUpdateNarrative } from '../api/update-narrative';

interface NarrativeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Null to add one. */
  narrative: Narrative | null;
}

export function NarrativeFormModal(props: NarrativeFormModalProps) {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.narrative ? `Edit “${props.narrative.title}”` : 'Add a narrative or value'}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {props.opened && <NarrativeForm key={props.narrative ? `${props.narrative.id}:${props.narrative.version}` : 'new'} {...props} />}
    </Modal>
  );
}

function NarrativeForm({ narrative, onClose }: NarrativeFormModalProps) {
  const create = useCreateNarrative();
  const update = useUpdateNarrative();
  const remove = useDeleteNarrative();
  const [title, setTitle] = useState(narrative?.title ?? '');
  const [description, setDescription] = useState(narrative?.description ?? '');
  const [titleProblem, setTitleProblem] = useState<string | undefined>();
  const failure = create.error ?? update.error ?? remove.error;
  const server = fieldErrorsOf(failure);
  // A narrative soundings cite cannot be deleted: the server says so, and archiving is one click away.
  const cited = remove.error && isApiError(remove.error) && remove.error.status === 409 && narrative && !narrative.archived;
  const generalError = failure && !server.title && !server.description ? failure : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = title.trim() ? textError(title, 'line') : 'Give it a title.';
    setTitleProblem(problem);
    if (problem) return;
    const changes = { title: title.trim(), description: description.trim() || null };
    if (narrative) update.mutate({ narrative, changes }, { onSuccess: onClose });
    else create.mutate(changes, { onSuccess: onClose });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {generalError && (
          <Alert
            color={cited ? 'orange' : 'red'}
            variant="light"
            role="alert"
            title={isApiError(generalError) && generalError.isVersionConflict ? 'Someone else changed this narrative' : cited ? 'Soundings record it' : 'Not saved'}
          >
            {isApiError(generalError) && generalError.isVersionConflict ? 'Close this form and open it again to see their version.' : generalError.message}
            {cited && (
              <Button
                mt="sm"
                size="xs"
                variant="light"
                color="orange"
                loading={update.isPending}
                onClick={() => update.mutate({ narrative, changes: { archived: true } }, { onSuccess: onClose })}
              >
                Archive it instead
              </Button>
            )}
          </Alert>
        )}
        <TextInput
          label="Narrative or value"
          description="In the organisation's own words, e.g. “We grow our own leaders”."
          required
          maxLength={LIMITS.shortText}
          value={title}
          onChange={(e) => {
            setTitle(e.currentTarget.value);
            setTitleProblem(undefined);
          }}
          error={titleProblem ?? fieldSentence(server.title)}
          data-autofocus
        />
        <Textarea
          label="What it means here"
          description="Optional: where it comes from, and how coaching and mentoring connect to it."
          autosize
          minRows={2}
          maxLength={LIMITS.longText}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={fieldSentence(server.description)}
        />
        <FormActions
          submitLabel={narrative ? 'Save' : 'Add'}
          saving={create.isPending || update.isPending}
          onCancel={onClose}
          deletion={
            narrative
              ? {
                  question: 'Delete this narrative?',
                  deleting: remove.isPending,
                  onDelete: () =>
                    remove.mutate(narrative.id, {
                      onSuccess: () => {
                        onClose();
                        notifyDeleted({ id: narrative.id, title: 'Narrative deleted', message: `${narrative.title} is no longer in the library.` });
                      },
                    }),
                }
              : undefined
          }
        />
      </Stack>
    </form>
  );
}
