import { Button, Stack } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconChevronDown } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';

interface FiltersFoldProps {
  /** How many filters are set, shown on the button so a folded filter is never a surprise. */
  active: number;
  children: ReactNode;
}

/**
 * On a phone, a list's filters folded behind one button ("Filters · 2"), so the first screen shows people, not a
 * column of empty selects. The fields stay mounted while folded: a half-typed value is kept.
 */
export function FiltersFold({ active, children }: FiltersFoldProps) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <>
      <Button
        variant="default"
        fullWidth
        justify="space-between"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((was) => !was)}
        leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
        rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
      >
        {active > 0 ? `Filters · ${active}` : 'Filters'}
      </Button>
      <Stack id={regionId} gap="sm" role="group" aria-label="Filters" style={open ? undefined : { display: 'none' }}>
        {children}
      </Stack>
    </>
  );
}
