import type { StakeholderExport } from '@soundings/shared';
import { useMutation } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saveFile } from '@/lib/save-file';

/** Saves everything held about a person as a JSON file, for a subject-access request. */
export function useExportStakeholder() {
  return useMutation({
    // Audited and counted against a quota, so the server asks for the CSRF token as on a write.
    mutationFn: (stakeholderId: string) => apiClient.get<StakeholderExport>(`/stakeholders/${encodeURIComponent(stakeholderId)}/export`, { csrf: true }),
    onSuccess: (data) => {
      saveFile(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), `soundings-export-${data.stakeholder.id}-${data.exportedAt.slice(0, 10)}.json`);
    },
  });
}
