import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { STAKEHOLDER_ROLE_LABELS, type CoalitionMember, type Expectation } from '@soundings/shared';
import { Link } from 'react-router';
import { ExpectationList } from './expectation-list';

interface PersonExpectations {
  person: CoalitionMember;
  expectations: Expectation[];
}

/** The API lists the top team first, then by person: consecutive rows of one person make their group. */
export function groupByPerson(items: Expectation[]): PersonExpectations[] {
  const groups: PersonExpectations[] = [];
  for (const expectation of items) {
    const last = groups[groups.length - 1];
    if (last && last.person.id === expectation.stakeholder.id) last.expectations.push(expectation);
    else groups.push({ person: expectation.stakeholder, expectations: [expectation] });
  }
  return groups;
}

interface ExpectationsRegisterProps {
  items: Expectation[];
  /** Offered to those who may write: opens the expectation to change or withdraw it. */
  onEdit?: (expectation: Expectation) => void;
}

/** Every leader's expectations, a card per person, the top team first. */
export function ExpectationsRegister({ items, onEdit }: ExpectationsRegisterProps) {
  return (
    <Stack gap="md">
      {groupByPerson(items).map(({ person, expectations }) => (
        <Card key={person.id} component="section" aria-labelledby={`expectations-of-${person.id}`}>
          <Group gap="xs" mb="sm">
            <Title order={2} fz="md" id={`expectations-of-${person.id}`}>
              <Anchor component={Link} to={`/stakeholders/${person.id}`} inherit>
                {person.name}
              </Anchor>
            </Title>
            <Badge variant="outline" color={person.role === 'top_team' ? 'indigo.9' : 'gray.8'} size="sm">
              {STAKEHOLDER_ROLE_LABELS[person.role]}
            </Badge>
            {person.businessFunction && (
              <Text size="xs" c="dimmed">
                {person.businessFunction}
              </Text>
            )}
          </Group>
          <ExpectationList expectations={expectations} onEdit={onEdit} />
        </Card>
      ))}
    </Stack>
  );
}
