import { Button, Center, Stack } from '@mantine/core';
import { RECOMMENDATIONS_DEFAULT_LIMIT, RECOMMENDATIONS_MAX_LIMIT } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconTargetArrow } from '@tabler/icons-react';
import { useState } from 'react';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { recommendationQueries } from '@/features/recommendations/api/recommendation-queries';
import { RecommendationCard } from '@/features/recommendations/components/recommendation-card';
import { ScoringExplained } from '@/features/recommendations/components/scoring-explained';
import { usePageTitle } from '@/lib/use-page-title';

export function RecommendationsRoute() {
  const [limit, setLimit] = useState<number>(RECOMMENDATIONS_DEFAULT_LIMIT);
  const recommendations = useQuery(recommendationQueries.soundings(limit));
  usePageTitle('Whom to sound next');

  const header = (
    <PageHeader
      title="Whom to sound next"
      description="The people most worth a one-to-one now, each with the reasons for their place and how much each counts."
    />
  );
  if (recommendations.isPending) {
    return (
      <>
        {header}
        <LoadingState label="Ranking whom to sound next…" />
      </>
    );
  }
  if (recommendations.isError) {
    return (
      <>
        {header}
        <ErrorState error={recommendations.error} title="The ranking could not be loaded" onRetry={() => void recommendations.refetch()} />
      </>
    );
  }
  const { items } = recommendations.data;
  return (
    <>
      {header}
      <Stack gap="md">
        <ScoringExplained />
        {items.length === 0 ? (
          <EmptyState
            icon={<IconTargetArrow size={26} />}
            title="No one to suggest"
            description="Add stakeholders to see whom to sound next. Public champions with nothing left to win are left out."
          />
        ) : (
          <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Whom to sound next, highest score first">
            {items.map((recommendation, index) => (
              <RecommendationCard key={recommendation.stakeholder.id} recommendation={recommendation} rank={index + 1} />
            ))}
          </Stack>
        )}
        {items.length === limit && limit < RECOMMENDATIONS_MAX_LIMIT && (
          <Center>
            <Button variant="default" onClick={() => setLimit(RECOMMENDATIONS_MAX_LIMIT)} loading={recommendations.isFetching}>
              Show up to {RECOMMENDATIONS_MAX_LIMIT}
            </Button>
          </Center>
        )}
      </Stack>
    </>
  );
}
