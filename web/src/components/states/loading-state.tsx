import { Center, Group, Loader, Text } from '@mantine/core';

export function LoadingState({ label = 'Loading…', minHeight = 200 }: { label?: string; minHeight?: number }) {
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}
