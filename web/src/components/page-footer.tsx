import { Group, Pagination, Text } from '@mantine/core';

interface PageFooterProps {
  page: number;
  pageSize: number;
  total: number;
  /** What is counted, singular and plural: ['entry', 'entries']. */
  noun: [string, string];
  onPage: (page: number) => void;
}

/** "51–100 of 240 stakeholders" and the page picker, under a paged table. */
export function PageFooter({ page, pageSize, total, noun, onPage }: PageFooterProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 1 ? `1 ${noun[0]}` : `${(page - 1) * pageSize + 1}–${Math.min(page * pageSize, total)} of ${total} ${noun[1]}`}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onPage}
          size="sm"
          getControlProps={(control) => ({ 'aria-label': `${control} page` })}
        />
      )}
    </Group>
  );
}
