import { Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { APP_KEYS, type Shortcut } from './shortcuts';

export function ShortcutHelp({ opened, onClose, pageShortcuts }: { opened: boolean; onClose: () => void; pageShortcuts: Shortcut[] }) {
  const rows = [...pageShortcuts.map(({ keyName, description }) => ({ keys: [keyName], description })), ...APP_KEYS];
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Stack gap="sm">
        <Table aria-label="Keyboard shortcuts" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Key</Table.Th>
              <Table.Th scope="col">What it does</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.description}>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {row.keys.map((key) => (
                      <Kbd key={key}>{key}</Kbd>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{row.description}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          Single keys work when you are not typing in a field. Tab moves through the page; the first Tab offers
          “Skip to content”.
        </Text>
      </Stack>
    </Modal>
  );
}
