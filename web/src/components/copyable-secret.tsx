import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

interface CopyableSecretProps {
  value: string;
  /** What it is, for screen readers: "New API token". */
  label: string;
  /** The copy button's name: "Copy the token". */
  copyLabel: string;
}

/** A secret shown once (a token, a reset link), with a button that copies it. */
export function CopyableSecret({ value, label, copyLabel }: CopyableSecretProps) {
  return (
    <Group gap="xs" wrap="nowrap" align="center">
      <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} aria-label={label}>
        {value}
      </Code>
      <CopyButton value={value} timeout={2500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
            <ActionIcon size="lg" variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={copied ? 'Copied' : copyLabel}>
              {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
