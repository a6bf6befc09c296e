import { Stack, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Expectation } from '@soundings/shared';
import { ExpectationItem } from './expectation-item';

/** A list of expectations; each opens to change, withdraw or delete it when `onEdit` is given. */
export function ExpectationList({ expectations, onEdit }: { expectations: Expectation[]; onEdit?: (expectation: Expectation) => void }) {
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {expectations.map((expectation) => (
        <li key={expectation.id}>
          {onEdit ? (
            <UnstyledButton w="100%" onClick={() => onEdit(expectation)}>
              <ExpectationItem expectation={expectation} />
              <VisuallyHidden>Change, withdraw or delete</VisuallyHidden>
            </UnstyledButton>
          ) : (
            <ExpectationItem expectation={expectation} />
          )}
        </li>
      ))}
    </Stack>
  );
}
