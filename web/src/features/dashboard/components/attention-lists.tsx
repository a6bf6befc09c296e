import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { DashboardCoolingContact, DashboardFollowUp } from '@soundings/shared';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { WITHHELD_NOTE } from '@/components/confidential';
import { CadenceBadge } from '@/components/contact-cadence';
import { RelativeDay } from '@/components/relative-day';
import { daysSince } from '@/lib/dates';

const SHOWN = 6;

export function OverdueFollowUps({ followUps, total }: { followUps: DashboardFollowUp[]; total: number }) {
  if (followUps.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No overdue follow-ups. Every promised next step is on time.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {followUps.slice(0, SHOWN).map((followUp) => {
        const late = daysSince(followUp.followUpOn);
        return (
          <li key={followUp.soundingId}>
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/stakeholders/${followUp.stakeholder.id}`} fw={600} size="sm">
                  {followUp.stakeholder.name}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={2} fs={followUp.redacted ? 'italic' : undefined}>
                  {followUp.redacted ? WITHHELD_NOTE : (followUp.nextStep ?? 'No next step written down')}
                </Text>
              </div>
              <RelativeDay on={followUp.followUpOn} label="Due" size="xs" c="red.7" fw={600}>
                {late} {late === 1 ? 'day' : 'days'} late
              </RelativeDay>
            </Group>
          </li>
        );
      })}
      {total > Math.min(SHOWN, followUps.length) && (
        <Text size="xs" c="dimmed" component="li">
          and {total - Math.min(SHOWN, followUps.length)} more
        </Text>
      )}
    </Stack>
  );
}

export function CoolingContacts({ contacts, total }: { contacts: DashboardCoolingContact[]; total: number }) {
  if (contacts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No one is cooling: everyone contacted has been in touch within their ideal contact interval.
      </Text>
    );
  }
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {contacts.slice(0, SHOWN).map((contact) => (
        <li key={contact.stakeholder.id}>
          <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/stakeholders/${contact.stakeholder.id}`} fw={600} size="sm">
                {contact.stakeholder.name}
              </Anchor>
              <Group gap={4}>
                <CommitmentBadge level={contact.commitment} size="xs" />
                <CadenceBadge contact={contact.contact} size="xs" />
              </Group>
            </div>
            {contact.lastContactAt ? (
              <RelativeDay on={contact.lastContactAt} label="Last contact" size="xs" c="red.9" fw={600} />
            ) : (
              <Text size="xs" c="red.9" fw={600} style={{ whiteSpace: 'nowrap' }}>
                never contacted
              </Text>
            )}
          </Group>
        </li>
      ))}
      {total > Math.min(SHOWN, contacts.length) && (
        <Text size="xs" c="dimmed" component="li">
          and {total - Math.min(SHOWN, contacts.length)} more
        </Text>
      )}
    </Stack>
  );
}
