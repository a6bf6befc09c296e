import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { FEAR_CATEGORIES, FEAR_CATEGORY_LABELS, type Dashboard } from '@soundings/shared';
import { Link } from 'react-router';

export function OpenFearsByCategory({ openFearsByCategory }: { openFearsByCategory: Dashboard['openFearsByCategory'] }) {
  const rows = FEAR_CATEGORIES.map((category) => ({ category, count: openFearsByCategory[category] ?? 0 }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count);
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No open fears. Ask bluntly in every sounding: fears no one has voiced are still there.
      </Text>
    );
  }
  const max = rows[0].count;
  return (
    <Stack gap="sm">
      {rows.map(({ category, count }) => (
        <div key={category}>
          <Group justify="space-between" mb={4}>
            <Anchor component={Link} to={`/fears?category=${category}`} size="sm" c="dark.7">
              {FEAR_CATEGORY_LABELS[category]}
            </Anchor>
            <Text size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {count}
            </Text>
          </Group>
          <Progress value={(count / max) * 100} color="orange" size="sm" radius="xl" aria-hidden />
        </div>
      ))}
    </Stack>
  );
}
