import { Button, Card, Stack, Text, Title } from '@mantine/core';
import type { Narrative } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconQuote } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { narrativeQueries } from '@/features/narratives/api/narrative-queries';
import { NarrativeFormModal } from '@/features/narratives/components/narrative-form-modal';
import { NarrativeList } from '@/features/narratives/components/narrative-list';
import { ResonanceTable } from '@/features/narratives/components/resonance-table';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

function ResonanceSection() {
  const resonance = useQuery(narrativeQueries.resonance());
  if (resonance.isPending) return <LoadingState label="Loading what resonates…" />;
  if (resonance.isError) return <ErrorState error={resonance.error} title="What resonates could not be loaded" onRetry={() => void resonance.refetch()} />;
  const { members, narratives } = resonance.data;
  if (members.length === 0 || narratives.length === 0) {
    return (
      <Card>
        <EmptyState
          icon={<IconQuote size={26} />}
          title={members.length === 0 ? 'No top-team members yet' : 'No narratives yet'}
          description={
            members.length === 0
              ? 'Mark the people on the top team on their pages; they appear here as columns.'
              : 'Add the narratives and values below; how each lands is recorded when you log a sounding.'
          }
        />
      </Card>
    );
  }
  return (
    // min-width 0: the card stays as wide as the page and the table scrolls inside it.
    <Card p={0} withBorder miw={0} maw="100%">
      <ResonanceTable resonance={resonance.data} />
    </Card>
  );
}

function ListSection({ onEdit, onAdd }: { onEdit: ((narrative: Narrative) => void) | null; onAdd: (() => void) | null }) {
  const narratives = useQuery(narrativeQueries.list());
  return (
    <Card withBorder miw={0}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} fz="lg">
            The organisation's narratives and values
          </Title>
          <Text size="sm" c="dimmed">
            A short list, offered on every sounding. Archive one that no longer fits: soundings that record it keep it.
          </Text>
        </Stack>
        {narratives.isPending ? (
          <LoadingState label="Loading the narratives…" />
        ) : narratives.isError ? (
          <ErrorState error={narratives.error} title="The narratives could not be loaded" onRetry={() => void narratives.refetch()} />
        ) : narratives.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet.
          </Text>
        ) : (
          <NarrativeList narratives={narratives.data} onEdit={onEdit} />
        )}
        {onAdd && (
          <div>
            <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={onAdd}>
              Add a narrative or value
            </Button>
          </div>
        )}
      </Stack>
    </Card>
  );
}

export function NarrativesRoute() {
  const canWrite = useCan('campaign:write');
  const [editing, setEditing] = useState<Narrative | 'new' | null>(null);
  usePageTitle('Narratives and values');
  return (
    <>
      <PageHeader
        title="Narratives and values"
        description="Which of the organisation's narratives and values resonate with each top-team member, and which jar: the latest reaction recorded in their soundings."
      />
      <Stack gap="lg" miw={0}>
        <section aria-labelledby="resonance-heading">
          <Title order={2} fz="lg" mb="sm" id="resonance-heading">
            What resonates across the top team
          </Title>
          <ResonanceSection />
        </section>
        <ListSection onEdit={canWrite ? setEditing : null} onAdd={canWrite ? () => setEditing('new') : null} />
      </Stack>
      {canWrite && (
        <NarrativeFormModal opened={editing !== null} onClose={() => setEditing(null)} narrative={editing === 'new' ? null : editing} />
      )}
    </>
  );
}
