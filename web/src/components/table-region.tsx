import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

interface TableRegionProps {
  /** What the table holds, read out when the region is reached: "Audit trail entries". */
  label: string;
  /** Below this width the table scrolls inside the region instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}

/**
 * A table that must stay a table on a phone: it scrolls sideways inside its own named region, which a keyboard
 * can reach and scroll, and the page itself never scrolls sideways.
 */
export function TableRegion({ label, minWidth, children }: TableRegionProps) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} role="region" aria-label={label} tabIndex={0}>
      {children}
    </Table.ScrollContainer>
  );
}
