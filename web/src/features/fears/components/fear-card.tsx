import { fearWords } from '@/components/confidential';
import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { FEAR_CATEGORY_LABELS, type Fear } from '@soundings/shared';
import { IconMessageReply } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '@/lib/authorization';
import { formatDate } from '@/lib/dates';
import { FearResponseEditor } from './fear-response-editor';
import { FearStatusSelect } from './fear-status-select';
import { useFearUpdate } from './use-fear-update';

export function FearCard({ fear }: { fear: Fear }) {
  const { update, isPending } = useFearUpdate();
  const [editing, setEditing] = useState(false);
  const canWrite = useCan('campaign:write');

  return (
    <Card padding="md" shadow="xs" component="article" aria-label={`Fear: ${fear.statement ?? 'confidential'}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Badge variant="default" size="sm" tt="none" fw={600}>
            {FEAR_CATEGORY_LABELS[fear.category]}
          </Badge>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            Voiced {formatDate(fear.voicedOn)}
          </Text>
        </Group>
        <Text size="sm" fs="italic" c="dark.8" style={{ whiteSpace: 'pre-wrap' }}>
          {fearWords(fear)}
        </Text>
        <Text size="sm">
          —{' '}
          <Anchor component={Link} to={`/stakeholders/${fear.stakeholder.id}`} fw={600} size="sm">
            {fear.stakeholder.name}
          </Anchor>
        </Text>
        {!editing && (fear.response || fear.owner) && (
          <Card bg="gray.0" padding="xs" withBorder={false}>
            {fear.response && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <Text span fw={600} size="sm">
                  Response:
                </Text>{' '}
                {fear.response}
              </Text>
            )}
            {fear.owner && (
              <Text size="xs" c="dimmed" mt={2}>
                Owner: {fear.owner}
              </Text>
            )}
            {fear.resolvedOn && (
              <Text size="xs" c="teal.9" mt={2}>
                Resolved {formatDate(fear.resolvedOn)}
              </Text>
            )}
          </Card>
        )}
        {editing ? (
          <FearResponseEditor
            fear={fear}
            saving={isPending}
            onCancel={() => setEditing(false)}
            onSave={(changes) => update(fear, changes, () => setEditing(false))}
          />
        ) : (
          <Group justify="space-between" gap="xs" mt={4}>
            <FearStatusSelect fear={fear} onChange={(status) => update(fear, { status })} />
            {canWrite && (
              <Button size="xs" variant="subtle" leftSection={<IconMessageReply size={14} />} onClick={() => setEditing(true)}>
                {fear.response ? 'Edit response' : 'Record response'}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
