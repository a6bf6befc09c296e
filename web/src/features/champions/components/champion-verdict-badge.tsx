import { Badge } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { championQueries } from '../api/champion-queries';
import { VERDICT_GROUPS } from './verdicts';

/** On a potential champion's page: where they stand against the three tests, linking to the champions page. */
export function ChampionVerdictBadge({ stakeholderId }: { stakeholderId: string }) {
  const champions = useQuery(championQueries.list());
  const assessment = champions.data?.items.find((item) => item.person.id === stakeholderId);
  if (!assessment) return null;
  const group = VERDICT_GROUPS[assessment.verdict];
  const missing = assessment.missing.length ? `Missing: ${assessment.missing.join('; ')}` : 'All three champion tests met';
  return (
    <Badge component={Link} to="/champions" variant="dot" color={group.color} title={missing} style={{ cursor: 'pointer' }}>
      {group.badge}
    </Badge>
  );
}
