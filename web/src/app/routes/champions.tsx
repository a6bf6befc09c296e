import { Button, Card } from '@mantine/core';
import type { ChampionTest } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconAward, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { championQueries } from '@/features/champions/api/champion-queries';
import { ChampionGroups } from '@/features/champions/components/champion-groups';
import { EvidenceFormModal, type EvidenceFormTarget } from '@/features/champions/components/evidence-form-modal';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

export function ChampionsRoute() {
  const champions = useQuery(championQueries.list());
  const canWrite = useCan('campaign:write');
  const [target, setTarget] = useState<EvidenceFormTarget | null>(null);
  usePageTitle('Champions');

  const recordButton = canWrite && champions.data && champions.data.items.length > 0 && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setTarget({})}>
      Record evidence
    </Button>
  );

  let body;
  if (champions.isPending) body = <LoadingState label="Loading the champions…" />;
  else if (champions.isError) {
    body = <ErrorState error={champions.error} title="The champions could not be loaded" onRetry={() => void champions.refetch()} />;
  } else if (champions.data.items.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon={<IconAward size={26} />}
          title="No potential champions yet"
          description="Mark the line managers you hope will advocate as potential champions on their page; they will be checked against the three tests here."
        />
      </Card>
    );
  } else {
    body = (
      <ChampionGroups
        items={champions.data.items}
        onRecord={canWrite ? (stakeholderId: string, test?: ChampionTest) => setTarget({ stakeholderId, test }) : undefined}
        onEdit={canWrite ? (evidenceId: string) => setTarget({ evidenceId }) : undefined}
      />
    );
  }

  return (
    <>
      <PageHeader
        title="Champions"
        description="Each potential champion against the three tests of a champion: real influence (people look to them), making the case without HR in the room, and a personal stake. Without influence, someone is a useful coach, not a champion."
        actions={recordButton}
      />
      {body}
      {canWrite && <EvidenceFormModal target={target} onClose={() => setTarget(null)} people={champions.data?.items.map((item) => item.person) ?? []} />}
    </>
  );
}
