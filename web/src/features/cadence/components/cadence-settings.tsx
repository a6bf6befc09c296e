import { Alert, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Title } from '@mantine/core';
import {
  CADENCE_DAYS_MAX,
  CADENCE_DAYS_MIN,
  STAKEHOLDER_ROLE_LABELS,
  STAKEHOLDER_ROLES,
  todayIn,
  type AppSettings,
  type Cadence,
  type StakeholderRole,
} from '@soundings/shared';
import { useMemo, useState } from 'react';
import { formatDate } from '@/lib/dates';
import { TableRegion } from '@/components/table-region';

type Days = number | string;
type CadenceInputs = Record<StakeholderRole, { idealDays: Days; maxDays: Days }>;

/** Every IANA zone this browser knows, UTC first (some engines leave it out of the list). */
export function timeZoneOptions(): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...known.filter((zone) => zone !== 'UTC')];
}

function wholeDays(value: Days): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= CADENCE_DAYS_MIN && value <= CADENCE_DAYS_MAX;
}

/** Field → message for the inputs that cannot be saved, named as the API names them (`cadence.top_team.maxDays`). */
export function cadenceSettingsProblems(inputs: CadenceInputs): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const role of STAKEHOLDER_ROLES) {
    const { idealDays, maxDays } = inputs[role];
    const range = `Whole days, ${CADENCE_DAYS_MIN}–${CADENCE_DAYS_MAX}`;
    if (!wholeDays(idealDays)) problems[`cadence.${role}.idealDays`] = range;
    if (!wholeDays(maxDays)) problems[`cadence.${role}.maxDays`] = range;
    else if (wholeDays(idealDays) && maxDays < idealDays) problems[`cadence.${role}.maxDays`] = 'At least the ideal';
  }
  return problems;
}

interface CadenceSettingsProps {
  settings: AppSettings;
  saving: boolean;
  error: string | null;
  serverErrors: Record<string, string>;
  onSave: (changes: { timeZone: string; cadence: Record<StakeholderRole, Cadence> }) => void;
}

/** The organisation's "today" (its time zone) and how often each role should hear from the campaign. */
export function CadenceSettings({ settings, saving, error, serverErrors, onSave }: CadenceSettingsProps) {
  const zones = useMemo(timeZoneOptions, []);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [inputs, setInputs] = useState<CadenceInputs>(settings.cadence);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const messages = { ...serverErrors, ...problems };
  const setDays = (role: StakeholderRole, field: keyof Cadence, value: Days) => setInputs((current) => ({ ...current, [role]: { ...current[role], [field]: value } }));

  const save = () => {
    const found = cadenceSettingsProblems(inputs);
    setProblems(found);
    if (Object.keys(found).length === 0) onSave({ timeZone, cadence: inputs as Record<StakeholderRole, Cadence> });
  };

  return (
    <Card component="section" aria-labelledby="cadence-settings-heading">
      <Stack gap="sm">
        <Title order={2} fz="md" id="cadence-settings-heading">
          Keeping in touch
        </Title>
        <Text size="sm" c="dimmed">
          Each person&apos;s days since their last contact of any kind (a sounding, a briefing, a meeting, an initiative) are
          counted in the organisation&apos;s time zone and compared with their cadence: amber past the ideal interval, red
          past the maximum. A person&apos;s own cadence, set on their page, comes before their role&apos;s.
        </Text>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Select
          label="Organisation time zone"
          description={`Today in ${timeZone}: ${formatDate(todayIn(zones.includes(timeZone) ? timeZone : 'UTC'))}`}
          data={zones}
          value={timeZone}
          onChange={(value) => value && setTimeZone(value)}
          searchable
          allowDeselect={false}
          nothingFoundMessage="No time zone matches"
          error={messages.timeZone}
          maw={360}
        />
        <TableRegion label="Cadence by role" minWidth={360}>
          <Table verticalSpacing={4}>
            <Table.Caption>Contact cadence by role, in days</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Ideal every</Table.Th>
                <Table.Th scope="col">At most</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {STAKEHOLDER_ROLES.map((role) => (
                <Table.Tr key={role}>
                  <Table.Th scope="row" fw={500}>
                    {STAKEHOLDER_ROLE_LABELS[role]}
                  </Table.Th>
                  {(['idealDays', 'maxDays'] as const).map((field) => (
                    <Table.Td key={field}>
                      <NumberInput
                        aria-label={`${STAKEHOLDER_ROLE_LABELS[role]}: ${field === 'idealDays' ? 'ideal interval' : 'maximum interval'} (days)`}
                        min={CADENCE_DAYS_MIN}
                        max={CADENCE_DAYS_MAX}
                        value={inputs[role][field]}
                        onChange={(value) => setDays(role, field, value)}
                        error={messages[`cadence.${role}.${field}`]}
                        w={110}
                      />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableRegion>
        <Group justify="flex-end">
          <Button onClick={save} loading={saving}>
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
