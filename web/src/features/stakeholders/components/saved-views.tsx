import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { SAVED_VIEW_NAME_MAX, type SavedView, type StakeholderViewFilters } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconBookmark, IconBookmarkPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { notifyDeleted } from '@/components/deleted-notification';
import { fieldErrorsOf } from '@/lib/api-client';
import { useDeleteSavedView } from '../api/delete-saved-view';
import { useCreateSavedView, useUpdateSavedView } from '../api/save-view';
import { savedViewQueries } from '../api/saved-view-queries';
import { sameView } from '../hooks/use-stakeholder-filters';

interface SavedViewsProps {
  /** The list's filters and sort as they are now. */
  current: StakeholderViewFilters;
  onOpen: (filters: StakeholderViewFilters) => void;
}

/** Named filter and sort combinations the user keeps (on the server, so they follow them to any machine). */
export function SavedViews({ current, onOpen }: SavedViewsProps) {
  const views = useQuery(savedViewQueries.list());
  const [saving, { open: openSave, close: closeSave }] = useDisclosure(false);
  const remove = useDeleteSavedView();
  const showing = (views.data ?? []).find((view) => sameView(view.filters, current)) ?? null;

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        aria-label="Saved views"
        placeholder={views.data?.length ? 'Open a saved view' : 'No saved views yet'}
        leftSection={<IconBookmark size={16} />}
        data={(views.data ?? []).map((view) => ({ value: view.id, label: view.name }))}
        value={showing?.id ?? null}
        disabled={!views.data?.length}
        onChange={(id) => {
          const view = views.data?.find((candidate) => candidate.id === id);
          if (view) onOpen(view.filters);
        }}
        allowDeselect={false}
        searchable
        nothingFoundMessage="No view has that name"
        w={{ base: '100%', xs: 240 }}
      />
      {showing ? (
        <Button
          variant="subtle"
          color="red.8"
          leftSection={<IconTrash size={14} />}
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(showing, {
              onSuccess: () => notifyDeleted({ id: showing.id, title: 'View deleted', message: `“${showing.name}” is no longer saved.` }),
              onError: (error) => notifications.show({ color: 'red', title: 'The view was not deleted', message: error.message }),
            })
          }
        >
          Delete view
        </Button>
      ) : (
        <Button variant="light" leftSection={<IconBookmarkPlus size={16} />} onClick={openSave}>
          Save view
        </Button>
      )}
      <SaveViewModal opened={saving} onClose={closeSave} filters={current} views={views.data ?? []} />
    </Group>
  );
}

function SaveViewModal({ opened, onClose, filters, views }: { opened: boolean; onClose: () => void; filters: StakeholderViewFilters; views: SavedView[] }) {
  const [name, setName] = useState('');
  const create = useCreateSavedView();
  const update = useUpdateSavedView();
  const sameName = views.find((view) => view.name.trim().toLowerCase() === name.trim().toLowerCase()) ?? null;
  const error = fieldErrorsOf(create.error ?? update.error).name;

  const close = () => {
    setName('');
    create.reset();
    update.reset();
    onClose();
  };
  const saved = (view: SavedView, verb: string) => {
    notifications.show({ color: 'teal', title: `View ${verb}`, message: `“${view.name}” opens this list from any machine you sign in on.` });
    close();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sameName) update.mutate({ view: sameName, changes: { filters } }, { onSuccess: (view) => saved(view, 'updated') });
    else create.mutate({ name: name.trim(), filters }, { onSuccess: (view) => saved(view, 'saved') });
  };

  return (
    <Modal opened={opened} onClose={close} title="Save this view" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">Keeps these filters and this sort under a name, for you alone.</Text>
          <TextInput
            label="Name"
            data-autofocus
            required
            maxLength={SAVED_VIEW_NAME_MAX}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            description={sameName ? `You already have “${sameName.name}”: saving replaces its filters with these.` : undefined}
            error={error}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={!name.trim()} loading={create.isPending || update.isPending}>
              {sameName ? 'Replace view' : 'Save view'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
