import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import {
  FEAR_CATEGORIES,
  FEAR_CATEGORY_LABELS,
  FEAR_STATUS_LABELS,
  FEAR_STATUSES,
  type FearStatus,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconX } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { FearBoard } from '@/features/fears/components/fear-board';
import { FearTable } from '@/features/fears/components/fear-table';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { usePageTitle } from '@/lib/use-page-title';

const CATEGORY_OPTIONS = FEAR_CATEGORIES.map((category) => ({ value: category, label: FEAR_CATEGORY_LABELS[category] }));
const STATUS_OPTIONS = FEAR_STATUSES.map((status) => ({ value: status, label: FEAR_STATUS_LABELS[status] }));

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

export function FearsRoute() {
  const [searchParams, setSearchParams] = useSearchParams();
  usePageTitle('Fears');
  const view = searchParams.get('view') === 'list' ? 'list' : 'board';
  const category = pick(searchParams.get('category'), FEAR_CATEGORIES);
  const status = pick(searchParams.get('status'), FEAR_STATUSES);
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const stakeholderId = searchParams.get('stakeholderId') ?? undefined;
  const person = useQuery({ ...stakeholderQueries.detail(stakeholderId ?? ''), enabled: Boolean(stakeholderId) });

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setSearchParams(next);
  };

  return (
    <>
      <PageHeader
        title="Fears"
        description="What leaders fear about a coaching and mentoring culture, in their own words, and how each is being answered."
        actions={
          <SegmentedControl
            aria-label="View"
            value={view}
            onChange={(value) => setParam('view', value === 'list' ? 'list' : undefined)}
            data={[
              { value: 'board', label: 'Board' },
              { value: 'list', label: 'List' },
            ]}
          />
        }
      />
      <Group gap="sm" mb="md">
        <Select
          aria-label="Category"
          placeholder="All categories"
          data={CATEGORY_OPTIONS}
          value={category ?? null}
          onChange={(value) => setParam('category', value ?? undefined)}
          clearable
          w={220}
        />
        {stakeholderId && (
          <Button
            variant="light"
            size="xs"
            rightSection={<IconX size={14} />}
            title="Show every stakeholder's fears"
            onClick={() => setParam('stakeholderId', undefined)}
          >
            {person.data ? `Only ${person.data.name}` : 'One stakeholder only'}
          </Button>
        )}
        {view === 'list' && (
          <Select
            aria-label="Status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status ?? null}
            onChange={(value) => setParam('status', value ?? undefined)}
            clearable
            w={180}
          />
        )}
      </Group>
      {view === 'board' ? (
        <FearBoard category={category} stakeholderId={stakeholderId} />
      ) : (
        <FearTable
          filters={{ category, status: status as FearStatus | undefined, stakeholderId, page }}
          onPageChange={(next) => setParam('page', String(next))}
        />
      )}
    </>
  );
}
