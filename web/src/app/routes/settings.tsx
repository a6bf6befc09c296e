import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/page-header';
import { errorMessage, ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { CadenceSettings } from '@/features/cadence/components/cadence-settings';
import { settingsQueries } from '@/features/data-protection/api/settings-queries';
import { useUpdateSettings } from '@/features/data-protection/api/update-settings';
import { RetentionSettings } from '@/features/data-protection/components/retention-settings';
import { fieldErrorsOf } from '@/lib/api-client';
import { usePageTitle } from '@/lib/use-page-title';

function KeepingInTouchSettings() {
  const settings = useQuery(settingsQueries.current());
  const update = useUpdateSettings();
  if (settings.isPending) return <LoadingState label="Loading the settings…" minHeight={120} />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const serverErrors = fieldErrorsOf(update.error);
  return (
    <CadenceSettings
      key={settings.data.version}
      settings={settings.data}
      saving={update.isPending}
      serverErrors={serverErrors}
      error={update.isError && Object.keys(serverErrors).length === 0 ? errorMessage(update.error) : null}
      onSave={(changes) =>
        update.mutate(
          { redactSoundingsAfterMonths: settings.data.redactSoundingsAfterMonths, version: settings.data.version, ...changes },
          { onSuccess: () => notifications.show({ color: 'teal', title: 'Cadence saved', message: `Today is counted in ${changes.timeZone}.` }) },
        )
      }
    />
  );
}

function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <PageHeader title="Settings" description="How long Soundings keeps the words of old conversations, and how often each leader should hear from the campaign." />
      <Stack gap="lg">
        <KeepingInTouchSettings />
        <RetentionSettings />
      </Stack>
    </>
  );
}

export function SettingsRoute() {
  return (
    <RequirePermission permission="settings:manage" description="Only admins can change the settings.">
      <SettingsPage />
    </RequirePermission>
  );
}
