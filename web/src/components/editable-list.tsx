import { Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

interface InlineQueryStateProps {
  isPending: boolean;
  isError: boolean;
  /** What could not be loaded, as a sentence. */
  errorText: string;
  isEmpty: boolean;
  emptyText: ReactNode;
  children: ReactNode;
}

/** A section's list while it loads, when it fails, when it is empty, and once it has rows. */
export function InlineQueryState({ isPending, isError, errorText, isEmpty, emptyText, children }: InlineQueryStateProps) {
  if (isPending) {
    return (
      <Text size="sm" c="dimmed">
        Loading…
      </Text>
    );
  }
  if (isError) {
    return (
      <Text size="sm" c="red.7">
        {errorText}
      </Text>
    );
  }
  if (isEmpty) {
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  }
  return <>{children}</>;
}

interface EditableListProps<T> {
  items: T[];
  itemKey: (item: T) => string;
  renderRow: (item: T) => ReactNode;
  /** When set, each row is a button that opens the item to change or remove it. */
  onEdit?: (item: T) => void;
}

/** A plain list of a section's records; a row opens its record for those who may change it. */
export function EditableList<T>({ items, itemKey, renderRow, onEdit }: EditableListProps<T>) {
  return (
    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((item) => (
        <li key={itemKey(item)}>
          {onEdit ? (
            <UnstyledButton w="100%" onClick={() => onEdit(item)}>
              {renderRow(item)}
              <VisuallyHidden>Change or remove</VisuallyHidden>
            </UnstyledButton>
          ) : (
            renderRow(item)
          )}
        </li>
      ))}
    </Stack>
  );
}
