import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { INITIATIVE_KIND_LABELS, type Initiative } from '@soundings/shared';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '@/lib/dates';

/** Who leads it, in the product's words: a leader by name, or HR. */
export function ownerWords(initiative: Initiative): string {
  if (!initiative.owner) return 'HR';
  return initiative.owner.role === 'hr' ? `${initiative.owner.name} (HR)` : initiative.owner.name;
}

export function isLeaderOwned(initiative: Initiative): boolean {
  return initiative.owner !== null && initiative.owner.role !== 'hr';
}

interface InitiativeListProps {
  initiatives: Initiative[];
  /** Offered to those who may change the programme. */
  onEdit?: (initiative: Initiative) => void;
  label: string;
}

/** One row per initiative: its day, kind and title, who owns it and who is involved. */
export function InitiativeList({ initiatives, onEdit, label }: InitiativeListProps) {
  return (
    <Stack gap={0} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {initiatives.map((initiative) => (
        <Group
          component="li"
          key={initiative.id}
          justify="space-between"
          align="flex-start"
          wrap="nowrap"
          gap="sm"
          py="sm"
          px="md"
          style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
        >
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" fw={600} component="span">
                {formatDate(initiative.heldOn)}
              </Text>
              <Badge size="sm" variant="light" color="blue">
                {INITIATIVE_KIND_LABELS[initiative.kind]}
              </Badge>
              {!isLeaderOwned(initiative) && (
                <Badge size="sm" variant="light" color="orange" title="A leader should own this where possible">
                  HR-led
                </Badge>
              )}
            </Group>
            <Text fw={500}>{initiative.title}</Text>
            <Text size="sm">
              Owner:{' '}
              {initiative.owner ? (
                <Anchor component={Link} to={`/stakeholders/${initiative.owner.id}`} size="sm">
                  {ownerWords(initiative)}
                </Anchor>
              ) : (
                'HR'
              )}
            </Text>
            <Text size="sm" c={initiative.involved.length ? undefined : 'dimmed'}>
              {initiative.involved.length === 0 ? (
                'No one involved yet'
              ) : (
                <>
                  Involved:{' '}
                  {initiative.involved.map((person, index) => (
                    <span key={person.id}>
                      {index > 0 && ', '}
                      <Anchor component={Link} to={`/stakeholders/${person.id}`} size="sm">
                        {person.name}
                      </Anchor>
                    </span>
                  ))}
                </>
              )}
            </Text>
            {initiative.description && (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
                {initiative.description}
              </Text>
            )}
          </Stack>
          {onEdit && (
            <Button size="xs" variant="default" style={{ flexShrink: 0 }} leftSection={<IconPencil size={14} />} onClick={() => onEdit(initiative)} aria-label={`Edit ${initiative.title}`}>
              Edit
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
