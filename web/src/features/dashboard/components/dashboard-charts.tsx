import { useMantineTheme } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import type { CommitmentLevel } from '@soundings/shared';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Rectangle, ResponsiveContainer, Text, Tooltip, XAxis, YAxis } from 'recharts';
import { useNavigate } from 'react-router';
import { formatDate, readerLocale } from '@/lib/dates';

// The chart library is the largest thing on the dashboard: this module is loaded lazily (see lazy-charts.tsx)
// so the numbers, lists and headings paint before it arrives.

export interface FunnelRow {
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

/** The funnel's bars; a bar opens the people at that level. */
export function FunnelBars({ rows, height }: { rows: FunnelRow[]; height: number }) {
  const theme = useMantineTheme();
  const navigate = useNavigate();
  // Decided by the chart's own width, not the window's: the card is half the page from md up.
  const { ref, width } = useElementSize();
  const slanted = width > 0 && width / rows.length < LEVEL_TICK_WIDTH + 8;
  return (
    <div ref={ref} style={{ width: '100%', height }}>
    <ResponsiveContainer width="100%" height={height}>
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
  );
}

export interface TrendLine {
  key: string;
  name: string;
  stroke: string;
  strokeWidth: number;
  strokeDasharray?: string;
}

const tickFormat = new Intl.DateTimeFormat(readerLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekTick = (iso: string) => tickFormat.format(new Date(`${iso}T00:00:00Z`));

/** The trend's lines: one row per week (`weekStart` and a share per line key, null where no one counts). */
export function TrendLines({ rows, lines, height }: { rows: Record<string, string | number | null>[]; lines: TrendLine[]; height: number }) {
  const theme = useMantineTheme();
  return (
    <ResponsiveContainer width="100%" height={height}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={theme.colors.gray[2]} />
        <XAxis
          dataKey="weekStart"
          tickFormatter={weekTick}
          tickLine={false}
          axisLine={false}
          interval="preserveStartEnd"
          minTickGap={28}
          tick={{ fontSize: 12, fill: theme.colors.gray[7] }}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 25, 50, 75, 100]}
          tickFormatter={(value: number) => `${value}%`}
          tickLine={false}
          axisLine={false}
          width={44}
          tick={{ fontSize: 12, fill: theme.colors.gray[7] }}
        />
        <Tooltip
          labelFormatter={(label) => `Week of ${formatDate(String(label))}`}
          formatter={(value, name) => [value === null || value === undefined ? '—' : `${value} %`, name]}
          contentStyle={{ borderRadius: 8, border: `1px solid ${theme.colors.gray[3]}`, fontSize: 13 }}
        />
        {lines.map((line) => (
          <Line
            key={line.key}
            dataKey={line.key}
            name={line.name}
            stroke={line.stroke}
            strokeWidth={line.strokeWidth}
            strokeDasharray={line.strokeDasharray}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
