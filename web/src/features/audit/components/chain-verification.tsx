import { Alert, Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { auditQueries } from '../api/audit-queries';

/** The last chain check; it runs only when someone presses the button. */
export function useChainVerification() {
  return useQuery({ ...auditQueries.verification(), enabled: false });
}

/** The button that recomputes the hash chain. */
export function VerifyChainButton() {
  const verification = useChainVerification();
  return (
    <Button variant="default" leftSection={<IconShieldCheck size={16} />} loading={verification.isFetching} onClick={() => void verification.refetch()}>
      Verify the chain
    </Button>
  );
}

/** What the last check found: intact, or the first entry that was changed, is missing, or follows a removed one. */
export function ChainVerificationResult() {
  const verification = useChainVerification();
  if (verification.isError) {
    return (
      <Alert color="red" variant="light" title="The chain could not be checked" role="alert">
        {verification.error.message}
      </Alert>
    );
  }
  const result = verification.data;
  if (!result) return null;
  if (result.ok) {
    return (
      <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} title="The chain is intact" role="status">
        All {result.checked} {result.checked === 1 ? 'entry matches its' : 'entries match their'} recorded hash. No entry has been
        changed or removed.
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconShieldX size={18} />} title="The chain is broken" role="alert">
      <Text size="sm">
        The first broken entry is <strong>#{result.brokenAt}</strong>: it does not match its recorded hash, it is missing, or an
        entry just before it was removed. The {result.checked} {result.checked === 1 ? 'entry' : 'entries'} before it check out; treat everything from
        #{result.brokenAt} on as suspect. It is marked in red in the list when on screen.
      </Text>
    </Alert>
  );
}
