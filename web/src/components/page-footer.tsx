import { Group, Pagination, Text } from '@mantine/core';

interface PageFooterProps {
  page: number;
  pageSize: number;
  total: number;
  /** The total is the API's estimate (a long list it did not count to the end): shown as "about N". */
  totalIsEstimate?: boolean;
  /** What is counted, singular and plural: ['entry', 'entries']. */
  noun: [string, string];
  onPage: (page: number) => void;
}

/** "51–100 of 240 stakeholders" and the page picker, under a paged table. */
export function PageFooter({ page, pageSize, total, totalIsEstimate = false, noun, onPage }: PageFooterProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const of = totalIsEstimate ? `about ${total.toLocaleString('en-GB')}` : `${total}`;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" aria-live="polite">
        {total === 1 ? `1 ${noun[0]}` : `${(page - 1) * pageSize + 1}–${totalIsEstimate ? page * pageSize : Math.min(page * pageSize, total)} of ${of} ${noun[1]}`}
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
