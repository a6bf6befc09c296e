import { Anchor, Button, Center, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowLeft, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { useDownloadBriefPdf } from '@/features/meetings/api/download-brief-pdf';
import { meetingQueries } from '@/features/meetings/api/meeting-queries';
import { MeetingBrief } from '@/features/meetings/components/meeting-brief';
import briefClasses from '@/features/meetings/components/meeting-brief.module.css';
import { usePageTitle } from '@/lib/use-page-title';

/** The meeting brief on its own page, without the app's navigation, ready for A4. */
export function MeetingPrintRoute() {
  const { meetingId = '' } = useParams();
  const readiness = useQuery(meetingQueries.readiness(meetingId));
  const { data: session } = useQuery(sessionQueries.current());
  const downloadPdf = useDownloadBriefPdf();
  usePageTitle(readiness.data ? `Brief: ${readiness.data.meeting.title}` : 'Meeting brief');

  return (
    <div className={briefClasses.backdrop}>
      <div className={briefClasses.toolbar}>
        <Anchor component={Link} to={`/meetings/${meetingId}`} size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
          <IconArrowLeft size={14} /> Back to the meeting
        </Anchor>
        <Group gap="sm">
          <Text size="xs" c="dimmed">
            One A4 page. Confidential: do not leave it in the room.
          </Text>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileTypePdf size={14} />}
            onClick={() => downloadPdf.mutate(meetingId)}
            loading={downloadPdf.isPending}
            disabled={!readiness.data}
          >
            Download PDF
          </Button>
          <Button size="xs" leftSection={<IconPrinter size={14} />} onClick={() => window.print()} disabled={!readiness.data}>
            Print
          </Button>
        </Group>
      </div>
      {downloadPdf.isError && (
        <Text role="alert" size="sm" c="red.8" className={briefClasses.toolbar}>
          The PDF could not be made: {downloadPdf.error.message}
        </Text>
      )}
      {readiness.isPending ? (
        <LoadingState label="Preparing the brief…" />
      ) : readiness.isError ? (
        <Center p="xl">
          <ErrorState error={readiness.error} title="The brief could not be prepared" onRetry={() => void readiness.refetch()} />
        </Center>
      ) : (
        <MeetingBrief readiness={readiness.data} printedBy={session?.user.displayName ?? session?.user.email ?? 'Soundings'} />
      )}
    </div>
  );
}
