import { Anchor, Card, List, Text, Title } from '@mantine/core';
import { SOUNDING_CHANNEL_LABELS } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDate } from '@/lib/dates';
import { soundingQueries } from '../api/sounding-queries';

/** A champion's own work: the soundings they held with others. Shown only once they have held one. */
export function ConductedSoundingsCard({ stakeholderId, name }: { stakeholderId: string; name: string }) {
  const conducted = useQuery(soundingQueries.conductedBy(stakeholderId));
  if (!conducted.data || conducted.data.total === 0) return null;
  const { total, recent } = conducted.data;
  return (
    <Card component="section" aria-labelledby="conducted-heading">
      <Title order={2} fz="md" mb={4} id="conducted-heading">
        Soundings they held
      </Title>
      <Text size="sm" mb="sm">
        {name} held {total === 1 ? '1 sounding' : `${total} soundings`} with others.
      </Text>
      <List size="sm" spacing={4}>
        {recent.map((sounding) => (
          <List.Item key={sounding.id}>
            <Anchor component={Link} to={`/stakeholders/${sounding.stakeholder.id}`} size="sm">
              {sounding.stakeholder.name}
            </Anchor>
            <Text span size="xs" c="dimmed">
              {' '}
              · {formatDate(sounding.heldOn)} · {SOUNDING_CHANNEL_LABELS[sounding.channel]}
            </Text>
          </List.Item>
        ))}
      </List>
      {total > recent.length && (
        <Text size="xs" c="dimmed" mt="xs">
          The latest {recent.length} are listed.
        </Text>
      )}
    </Card>
  );
}
