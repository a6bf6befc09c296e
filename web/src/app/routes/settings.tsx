import { Stack } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { RequirePermission } from '@/components/states/not-allowed-state';
import { RetentionSettings } from '@/features/data-protection/components/retention-settings';
import { usePageTitle } from '@/lib/use-page-title';

function SettingsPage() {
  usePageTitle('Settings');
  return (
    <>
      <PageHeader title="Settings" description="How long Soundings keeps the words of old conversations." />
      <Stack gap="lg">
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
