import type { StakeholderExport } from '@soundings/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';

/** Saves everything held about a person as a JSON file, for a subject-access request. */
export function useExportStakeholder() {
  return useMutation({
    // Audited and counted against a quota, so the server asks for the CSRF token as on a write.
    mutationFn: (stakeholderId: string) => apiClient.get<StakeholderExport>(`/stakeholders/${encodeURIComponent(stakeholderId)}/export`, { csrf: true }),
    onSuccess: (data) => {
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `soundings-export-${data.stakeholder.id}-${data.exportedAt.slice(0, 10)}.json`;
      link.click();
      // The file holds confidential notes: drop the in-memory copy as soon as the browser has it.
      setTimeout(() => URL.revokeObjectURL(url), 1_000);
    },
  });
}
