import { Alert, Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AppSettings } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { fieldErrorsOf, isApiError } from '@/lib/api-client';
import { settingsQueries } from '../api/settings-queries';
import { useUpdateSettings } from '../api/update-settings';
import { formatDateTime } from '@/lib/dates';

/** The retention rule: sounding text older than N months is removed by a daily job. Off by default. */
export function RetentionSettings() {
  const settings = useQuery(settingsQueries.current());
  if (settings.isPending) return <LoadingState label="Loading the settings…" minHeight={120} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  return <RetentionForm key={settings.data.version} settings={settings.data} onReload={() => void settings.refetch()} />;
}

function RetentionForm({ settings, onReload }: { settings: AppSettings; onReload: () => void }) {
  const update = useUpdateSettings();
  const [enabled, setEnabled] = useState(settings.redactSoundingsAfterMonths !== null);
  // Kept as typed (NumberInput gives '' while the field is empty) and checked on save.
  const [months, setMonths] = useState<number | string>(settings.redactSoundingsAfterMonths ?? 24);
  const [monthsError, setMonthsError] = useState<string | null>(null);
  const fields = fieldErrorsOf(update.error);

  const save = () => {
    if (enabled && (typeof months !== 'number' || !Number.isInteger(months) || months < 1)) {
      setMonthsError('Enter a whole number of months, 1 or more');
      return;
    }
    setMonthsError(null);
    update.mutate(
      { redactSoundingsAfterMonths: enabled ? (months as number) : null, version: settings.version },
      { onSuccess: () => notifications.show({ color: 'teal', title: 'Retention saved', message: enabled ? `Sounding text older than ${months} months will be removed daily.` : 'Sounding text is kept.' }) },
    );
  };

  return (
    <Card component="section" aria-labelledby="retention-heading">
      <Stack gap="sm">
        <Title order={2} fz="md" id="retention-heading">
          Retention of sounding notes
        </Title>
        <Text size="sm" c="dimmed">
          When on, a daily job removes the words of soundings (and of the fears voiced in them) held longer ago than the
          limit. Dates, levels and counts stay, so each person&apos;s path and the dashboard are unchanged.
        </Text>
        {update.isError && !Object.keys(fields).length && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(update.error)}
            {isApiError(update.error) && update.error.isVersionConflict && (
              <Button size="xs" variant="white" ml="sm" onClick={onReload}>
                Reload
              </Button>
            )}
          </Alert>
        )}
        <Switch label="Remove old sounding text" checked={enabled} onChange={(event) => setEnabled(event.currentTarget.checked)} />
        <NumberInput
          label="Keep the words for (months)"
          min={1}
          max={600}
          value={months}
          disabled={!enabled}
          error={monthsError ?? fields.redactSoundingsAfterMonths}
          onChange={setMonths}
          w={220}
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {settings.retentionLastRunAt ? `Last run ${formatDateTime(settings.retentionLastRunAt)}` : 'Not run yet'}
          </Text>
          <Button onClick={save} loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
