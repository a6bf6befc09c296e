import { Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RELATIONSHIP_QUALITIES, RELATIONSHIP_QUALITY_MEANINGS } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconAffiliate } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { relationshipQueries } from '@/features/relationships/api/relationship-queries';
import { QualityBadge } from '@/features/relationships/components/quality-badge';
import { RelationshipFormModal } from '@/features/relationships/components/relationship-form-modal';
import { RelationshipMatrixTable, type MatrixCellTarget } from '@/features/relationships/components/relationship-matrix-table';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';
import { notifyDeleted } from '@/components/deleted-notification';

export function RelationshipsRoute() {
  const matrix = useQuery(relationshipQueries.matrix());
  const canWrite = useCan('campaign:write');
  const [target, setTarget] = useState<MatrixCellTarget | null>(null);
  usePageTitle('Relationships');

  const header = (
    <PageHeader
      title="Relationships"
      description="Who on our side holds the relationship with each top-team member, so you can see at a glance who can brief whom, and who must not."
    />
  );

  if (matrix.isPending) return <>{header}<LoadingState label="Loading the relationships…" /></>;
  if (matrix.isError) {
    return (
      <>
        {header}
        <ErrorState error={matrix.error} title="The relationships could not be loaded" onRetry={() => void matrix.refetch()} />
      </>
    );
  }
  const { members, holders } = matrix.data;

  return (
    <>
      {header}
      <Stack gap="md" miw={0}>
        <Group gap="lg" wrap="wrap" aria-label="What the qualities mean" role="list">
          {RELATIONSHIP_QUALITIES.map((quality) => (
            <Group key={quality} gap={6} wrap="nowrap" role="listitem">
              <QualityBadge quality={quality} />
              <Text size="sm" c="dimmed">
                {RELATIONSHIP_QUALITY_MEANINGS[quality]}
              </Text>
            </Group>
          ))}
        </Group>
        {members.length === 0 || holders.length === 0 ? (
          <Card>
            <EmptyState
              icon={<IconAffiliate size={26} />}
              title={members.length === 0 ? 'No top-team members yet' : 'No champions or HR holders yet'}
              description={
                members.length === 0
                  ? 'Mark the people on the top team on their pages; they appear here as rows.'
                  : 'Mark potential champions, or record who holds a relationship on a person\'s page; they appear here as columns.'
              }
            />
          </Card>
        ) : (
          // min-width 0: the card stays as wide as the page and the table scrolls inside it.
          <Card p={0} withBorder miw={0} maw="100%">
            <RelationshipMatrixTable matrix={matrix.data} onOpenCell={canWrite ? setTarget : null} />
          </Card>
        )}
      </Stack>
      {canWrite && target && (
        <RelationshipFormModal
          opened
          onClose={() => setTarget(null)}
          subject={{ id: target.member.id, name: target.member.name }}
          holder={target.holder}
          relationship={target.cell ? { id: target.cell.relationshipId, version: target.cell.version, quality: target.cell.quality, note: target.cell.note } : null}
          onSaved={(_saved, created) => {
            setTarget(null);
            notifications.show({ color: 'teal', title: created ? 'Relationship added' : 'Relationship saved', message: `${target.holder.name} with ${target.member.name}.` });
          }}
          onDeleted={() => {
            setTarget(null);
            if (target.cell) notifyDeleted({ id: target.cell.relationshipId, title: 'Relationship removed', message: `${target.holder.name} with ${target.member.name}.` });
          }}
        />
      )}
    </>
  );
}
