import { Card, Stack } from '@mantine/core';
import type { AuditListQuery } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconFilterOff, IconShieldCheck } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { auditQueries } from '@/features/audit/api/audit-queries';
import { AuditFilters, type AuditFilterValues } from '@/features/audit/components/audit-filters';
import { AuditTable } from '@/features/audit/components/audit-table';
import { ChainVerificationResult, useChainVerification, VerifyChainButton } from '@/features/audit/components/chain-verification';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { userQueries } from '@/features/users/api/user-queries';
import { usePageTitle } from '@/lib/use-page-title';
import { PageFooter } from '@/components/page-footer';

const PAGE_SIZE = 50;
const FILTER_KEYS = ['action', 'actorId', 'entityId', 'stakeholderId'] as const;

function useAuditFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters: AuditFilterValues = {};
  for (const key of FILTER_KEYS) {
    const value = searchParams.get(key);
    if (value) filters[key] = value;
  }
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const setFilters = (changes: Partial<AuditListQuery>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setSearchParams(next);
  };
  const clearFilters = () => setSearchParams(new URLSearchParams());
  return { filters, page, setFilters, clearFilters };
}

function AuditPage() {
  const { filters, page, setFilters, clearFilters } = useAuditFilters();
  const entries = useQuery(auditQueries.list({ ...filters, page, pageSize: PAGE_SIZE }));
  const users = useQuery(userQueries.list());
  const stakeholder = useQuery({ ...stakeholderQueries.detail(filters.stakeholderId ?? ''), enabled: Boolean(filters.stakeholderId) });
  const verification = useChainVerification();
  usePageTitle('Audit trail');

  const actors = (users.data ?? []).map((user) => ({ value: user.id, label: user.displayName ?? user.email }));
  if (filters.actorId && !actors.some((actor) => actor.value === filters.actorId)) actors.unshift({ value: filters.actorId, label: filters.actorId });
  const stakeholderValue = filters.stakeholderId
    ? { id: filters.stakeholderId, name: stakeholder.data?.name ?? (stakeholder.isError ? 'Removed stakeholder' : '') }
    : null;
  const filtered = FILTER_KEYS.some((key) => filters[key]);

  let body;
  if (entries.isPending) body = <LoadingState label="Loading the audit trail…" />;
  else if (entries.isError) {
    body = (
      <Card.Section p="lg">
        <ErrorState error={entries.error} title="The audit trail could not be loaded" onRetry={() => void entries.refetch()} />
      </Card.Section>
    );
  } else if (entries.data.items.length === 0) {
    body = (
      <EmptyState
        compact
        icon={filtered ? <IconFilterOff size={24} /> : <IconShieldCheck size={24} />}
        title={filtered ? 'No entries match these filters' : 'No entries yet'}
        description={filtered ? 'Try fewer filters.' : 'Every change, sign-in and refusal will be listed here.'}
      />
    );
  } else {
    body = (
      <div style={{ opacity: entries.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
        <AuditTable entries={entries.data.items} onFilter={setFilters} brokenId={verification.data?.brokenAt ?? null} />
      </div>
    );
  }
  const total = entries.data?.total ?? 0;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change, sign-in, refusal and read of a confidential note, newest first. Entries cannot be edited or deleted; each carries a hash of the one before, so a tampered row shows."
        actions={<VerifyChainButton />}
      />
      <Stack gap="md">
        <ChainVerificationResult />
        <Card padding={0}>
          <Card.Section p="md" withBorder>
            <AuditFilters
              filters={filters}
              onChange={setFilters}
              onClear={clearFilters}
              actors={actors}
              stakeholderPicker={
                <PersonPicker
                  key={`${stakeholderValue?.id}:${stakeholderValue?.name}`}
                  label="About"
                  placeholder="Any stakeholder"
                  value={stakeholderValue}
                  onChange={(person) => setFilters({ stakeholderId: person?.id })}
                  comboboxProps={{ withinPortal: true }}
                />
              }
            />
          </Card.Section>
          {body}
          {entries.data && total > 0 && (
            <Card.Section p="md" withBorder>
              <PageFooter page={page} pageSize={PAGE_SIZE} total={total} noun={['entry', 'entries']} onPage={(next) => setFilters({ page: next })} />
            </Card.Section>
          )}
        </Card>
      </Stack>
    </>
  );
}

export function AuditRoute() {
  return (
    <RequirePermission permission="audit:read" description="Only admins read the audit trail.">
      <AuditPage />
    </RequirePermission>
  );
}
