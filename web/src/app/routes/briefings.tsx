import { Button, Card, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Briefing, BriefingPlanItem, StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { briefingQueries } from '@/features/briefings/api/briefing-queries';
import type { BriefingFix } from '@/features/briefings/components/briefing-fixes';
import { BriefingFormModal, type BriefingFormFocus } from '@/features/briefings/components/briefing-form-modal';
import { TimingDateAdvice } from '@/features/timing/components/timing-date-advice';
import { BriefingPlanView } from '@/features/briefings/components/briefing-plan-view';
import { PlanWarningsSummary } from '@/features/briefings/components/plan-warnings-summary';
import { PersonPicker } from '@/features/stakeholders/components/person-picker';
import { useCan } from '@/lib/authorization';
import { usePageTitle } from '@/lib/use-page-title';
import { notifyDeleted } from '@/components/deleted-notification';

interface FormState {
  briefing: Briefing | null;
  audience?: StakeholderRef | null;
  focus?: BriefingFormFocus;
}

export function BriefingsRoute() {
  const plan = useQuery(briefingQueries.plan());
  const canWrite = useCan('campaign:write');
  const [form, setForm] = useState<FormState | null>(null);
  usePageTitle('Briefing plan');

  const edit = (item: BriefingPlanItem, focus?: BriefingFormFocus) => setForm({ briefing: item.briefing, focus });
  const onFix = (fix: Exclude<BriefingFix, { kind: 'link' }>) => {
    if (fix.kind === 'plan') {
      setForm({ briefing: null, audience: fix.audience });
      return;
    }
    const item = plan.data?.items.find((candidate) => candidate.briefing.id === fix.briefingId);
    if (item) edit(item, fix.focus);
  };

  const header = (
    <PageHeader
      title="Briefing plan"
      description="Who briefs each top-team member, in what order, with what brief. Line-manager champions go first: they carry more credibility in their own area than HR does."
      actions={
        canWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ briefing: null })}>
            Plan a briefing
          </Button>
        )
      }
    />
  );

  let body;
  if (plan.isPending) body = <LoadingState label="Loading the plan…" />;
  else if (plan.isError) body = <ErrorState error={plan.error} title="The plan could not be loaded" onRetry={() => void plan.refetch()} />;
  else {
    body = (
      <Stack gap="lg">
        <PlanWarningsSummary plan={plan.data} canWrite={canWrite} onFix={onFix} />
        {plan.data.items.length === 0 ? (
          <Card>
            <EmptyState
              icon={<IconPresentation size={26} />}
              title="No briefings planned"
              description={
                <Text size="sm" c="dimmed" ta="center" maw={560}>
                  Plan who briefs each top-team member. Champions from the line reach the top team first, each with a brief on why
                  coaching and mentoring matters for their area; HR presents last.
                </Text>
              }
              actions={
                canWrite && (
                  <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ briefing: null })}>
                    Plan the first briefing
                  </Button>
                )
              }
            />
          </Card>
        ) : (
          <BriefingPlanView plan={plan.data} canWrite={canWrite} onEdit={edit} onFix={onFix} />
        )}
      </Stack>
    );
  }

  return (
    <>
      {header}
      {body}
      {canWrite && (
        <BriefingFormModal
          opened={form !== null}
          onClose={() => setForm(null)}
          briefing={form?.briefing ?? null}
          audience={form?.audience}
          focus={form?.focus}
          renderStakeholderPicker={(props) => <PersonPicker {...props} comboboxProps={{ withinPortal: true }} />}
          renderDateAdvice={(props) => <TimingDateAdvice {...props} />}
          onSaved={(saved, created) => {
            setForm(null);
            notifications.show({
              color: 'teal',
              title: created ? 'Briefing planned' : 'Briefing saved',
              message: `${saved.briefer?.name ?? 'HR'} to ${saved.topTeam ? 'the top team' : (saved.audience?.name ?? 'the audience')}.`,
            });
          }}
          onDeleted={() => {
            setForm(null);
            if (form?.briefing) notifyDeleted({ id: form.briefing.id, title: 'Briefing deleted', message: 'It is no longer in the plan.' });
          }}
        />
      )}
    </>
  );
}
