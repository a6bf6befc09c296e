import { Badge, Group, useMantineTheme } from '@mantine/core';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS, type Dashboard } from '@soundings/shared';
import { Link } from 'react-router';
import { FunnelBars, type FunnelRow } from './lazy-charts';

const CHART_HEIGHT = 270;

/** Everyone by commitment level, in ladder order with resistant last; a bar opens the people at that level. */
export function CommitmentFunnel({ byCommitment }: { byCommitment: Dashboard['byCommitment'] }) {
  const theme = useMantineTheme();
  const rows: FunnelRow[] = COMMITMENT_LEVELS.map((level) => ({
    level,
    label: COMMITMENT_LADDER[level].label,
    count: byCommitment[level] ?? 0,
    fill: theme.colors[COMMITMENT_LADDER[level].color]?.[6] ?? theme.colors.gray[6],
  }));

  return (
    <>
      <div style={{ width: '100%', height: CHART_HEIGHT }} role="img" aria-label={rows.map((row) => `${row.label}: ${row.count}`).join(', ')}>
        <FunnelBars rows={rows} height={CHART_HEIGHT} />
      </div>
      <Group gap={6} mt="sm" justify="center">
        {rows.map((row) => (
          <Badge
            key={row.level}
            component={Link}
            to={`/stakeholders?commitment=${row.level}`}
            color={COMMITMENT_LADDER[row.level].color}
            variant="light"
            style={{ cursor: 'pointer' }}
          >
            {row.label}: {row.count}
          </Badge>
        ))}
      </Group>
    </>
  );
}
