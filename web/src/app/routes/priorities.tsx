import { Button, Card } from '@mantine/core';
import type { Priority } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { notifyPriorityRemoved, notifyPrioritySaved } from '@/features/priorities/components/priority-notifications';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { priorityQueries } from '@/features/priorities/api/priority-queries';
import { PrioritiesByFunction } from '@/features/priorities/components/priorities-by-function';
import { PriorityFormModal } from '@/features/priorities/components/priority-form-modal';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';

export function PrioritiesRoute() {
  const priorities = useQuery(priorityQueries.list());
  const canWrite = useCan('campaign:write');
  const [editing, setEditing] = useState<Priority | 'new' | null>(null);
  usePageTitle('Business priorities');

  const addButton = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      Add a priority
    </Button>
  );

  let body;
  if (priorities.isPending) body = <LoadingState label="Loading the priorities…" />;
  else if (priorities.isError) {
    body = <ErrorState error={priorities.error} title="The priorities could not be loaded" onRetry={() => void priorities.refetch()} />;
  } else if (priorities.data.items.length === 0) {
    body = (
      <Card>
        <EmptyState
          icon={<IconTargetArrow size={26} />}
          title="No business priorities yet"
          description="Write down what each function is trying to achieve, in its own words, and who owns it. Briefings to a function's leader then tie the case to one of them."
        />
      </Card>
    );
  } else {
    body = <PrioritiesByFunction priorities={priorities.data.items} canWrite={canWrite} onEdit={setEditing} />;
  }

  return (
    <>
      <PageHeader
        title="Business priorities"
        description="Each function's priorities in its own words, who owns them, and how a coaching culture serves them: the case to each leader starts here."
        actions={addButton}
      />
      {body}
      {canWrite && (
        <PriorityFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          priority={editing && editing !== 'new' ? editing : null}
          renderOwnerPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />}
          onSaved={(saved, created) => {
            setEditing(null);
            notifyPrioritySaved(saved, created);
          }}
          onDeleted={(removed) => {
            setEditing(null);
            notifyPriorityRemoved(removed);
          }}
        />
      )}
    </>
  );
}
