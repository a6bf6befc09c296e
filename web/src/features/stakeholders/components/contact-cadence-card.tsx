import { Button, Card, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { STAKEHOLDER_ROLE_LABELS, type Stakeholder } from '@soundings/shared';
import { IconClockEdit } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { CadenceBadge, contactCadenceWords } from '@/components/contact-cadence';

// The form (its number inputs) loads the first time someone changes a cadence; it mounts afresh each time it opens.
const CadenceModal = lazy(() => import('./cadence-modal').then((m) => ({ default: m.CadenceModal })));

/** Keeping them on the radar: last contact of any kind against their cadence, and a way to set their own. */
export function ContactCadenceCard({ stakeholder, canWrite }: { stakeholder: Stakeholder; canWrite: boolean }) {
  const [opened, { open, close }] = useDisclosure(false);
  const { contact } = stakeholder;
  return (
    <Card component="section" aria-labelledby="cadence-heading">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="md" id="cadence-heading">
          Keeping in touch
        </Title>
        <CadenceBadge contact={contact} />
      </Group>
      <Text size="sm">{contactCadenceWords(contact)}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {contact.personal ? 'Their own cadence' : `The ${STAKEHOLDER_ROLE_LABELS[stakeholder.role].toLowerCase()} cadence`}: ideal every{' '}
        {contact.cadence.idealDays} days, at most {contact.cadence.maxDays}.
      </Text>
      {canWrite && (
        <Button variant="light" size="xs" mt="sm" leftSection={<IconClockEdit size={14} />} onClick={open}>
          Change cadence
        </Button>
      )}
      {opened && (
        <Suspense fallback={null}>
          <CadenceModal stakeholder={stakeholder} opened={opened} onClose={close} />
        </Suspense>
      )}
    </Card>
  );
}
