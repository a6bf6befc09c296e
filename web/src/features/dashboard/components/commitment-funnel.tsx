import { Badge, Group, useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS, type CommitmentLevel, type Dashboard } from '@soundings/shared';
import { Bar, BarChart, CartesianGrid, LabelList, Rectangle, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from 'recharts';
import { Link, useNavigate } from 'react-router';

interface FunnelRow {
  level: CommitmentLevel;
  label: string;
  count: number;
  fill: string;
}

interface TickProps {
  x?: number | string;
  y?: number | string;
  payload?: { value: string };
  fill?: string;
}

/**
 * Level names wrap onto two lines rather than run into each other ("Public champion"); where the chart is too
 * narrow for that (a phone, a half-width card at 200 % zoom), they slant instead.
 */
const LEVEL_TICK_WIDTH = 72;

function LevelTick({ x, y, payload, fill, slanted }: TickProps & { slanted?: boolean }) {
  if (slanted) {
    return (
      <Text x={Number(x) + 4} y={Number(y) + 2} angle={-40} textAnchor="end" verticalAnchor="middle" fontSize={12} fill={fill}>
        {payload?.value ?? ''}
      </Text>
    );
  }
  return (
    <Text x={Number(x)} y={Number(y) + 4} width={LEVEL_TICK_WIDTH} textAnchor="middle" verticalAnchor="start" fontSize={12} fill={fill}>
      {payload?.value ?? ''}
    </Text>
  );
}

/** Everyone by commitment level, in ladder order with resistant last; a bar opens the people at that level. */
export function CommitmentFunnel({ byCommitment }: { byCommitment: Dashboard['byCommitment'] }) {
  const theme = useMantineTheme();
  const navigate = useNavigate();
  // Decided by the chart's own width, not the window's: the card is half the page from md up.
  const { ref, width } = useElementSize();
  const rows: FunnelRow[] = COMMITMENT_LEVELS.map((level) => ({
    level,
    label: COMMITMENT_LADDER[level].label,
    count: byCommitment[level] ?? 0,
    fill: theme.colors[COMMITMENT_LADDER[level].color]?.[6] ?? theme.colors.gray[6],
  }));
  const slanted = width > 0 && width / rows.length < LEVEL_TICK_WIDTH + 8;

  return (
    <>
      <div ref={ref} style={{ width: '100%', height: 270 }} role="img" aria-label={rows.map((row) => `${row.label}: ${row.count}`).join(', ')}>
        <ResponsiveContainer width="100%" height={270}>
          <BarChart data={rows} margin={{ top: 20, right: 8, bottom: 4, left: -18 }}>
            <CartesianGrid vertical={false} stroke={theme.colors.gray[2]} />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={false}
              interval={0}
              height={slanted ? 84 : 40}
              tick={<LevelTick fill={theme.colors.gray[7]} slanted={slanted} />}
            />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fontSize: 12, fill: theme.colors.gray[6] }} />
            <Tooltip
              cursor={{ fill: theme.colors.gray[1] }}
              formatter={(value) => [value, 'People']}
              contentStyle={{ borderRadius: 8, border: `1px solid ${theme.colors.gray[3]}`, fontSize: 13 }}
            />
            <Bar
              dataKey="count"
              maxBarSize={56}
              isAnimationActive={false}
              style={{ cursor: 'pointer' }}
              onClick={(entry) => {
                const level = (entry as { payload?: FunnelRow }).payload?.level;
                if (level) void navigate(`/stakeholders?commitment=${level}`);
              }}
              shape={(props) => <Rectangle {...props} fill={(props.payload as FunnelRow).fill} radius={[5, 5, 0, 0]} />}
            >
              <LabelList dataKey="count" position="top" style={{ fontSize: 12, fontWeight: 600, fill: theme.colors.dark[6] }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
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
