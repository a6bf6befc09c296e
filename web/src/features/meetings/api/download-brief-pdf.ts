import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import { saveFile } from '@/lib/save-file';

/** Saves the brief as the PDF the server makes; it is an audited export, so it carries the CSRF token. */
export function useDownloadBriefPdf() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (meetingId: string) => {
      const file = await apiClient.download(`/meetings/${encodeURIComponent(meetingId)}/brief.pdf`, { csrf: true });
      saveFile(file.blob, file.fileName ?? 'meeting-brief.pdf');
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryRoots.audit }),
  });
}
