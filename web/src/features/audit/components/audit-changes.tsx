import { Stack, Text } from '@mantine/core';
import type { AuditEntry } from '@soundings/shared';

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(shown).join(', ');
  return JSON.stringify(value);
}

/**
 * Before → after for the values the trail keeps. Notes and personal details are never copied into it:
 * for those it keeps only the names of the fields that changed.
 */
export function AuditChanges({ entry }: { entry: Pick<AuditEntry, 'before' | 'after'> }) {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const { changedFields, ...afterValues } = after as Record<string, unknown> & { changedFields?: unknown };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(afterValues)])];
  const lines = keys.flatMap((key) => {
    const from = before[key];
    const to = afterValues[key];
    if (key in before && key in afterValues) {
      if (JSON.stringify(from) === JSON.stringify(to)) return [];
      return [{ key, text: `${shown(from)} → ${shown(to)}` }];
    }
    return [{ key, text: key in afterValues ? shown(to) : `${shown(from)} (removed)` }];
  });
  const names = Array.isArray(changedFields) ? changedFields.map(String) : [];
  if (lines.length === 0 && names.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {lines.length > 0 && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {lines.map((line, index) => (
            <span key={line.key}>
              {index > 0 && <Text span size="xs" c="gray.4">{' · '}</Text>}
              <Text span size="xs" c="dimmed">
                {line.key}:
              </Text>{' '}
              {line.text}
            </span>
          ))}
        </Text>
      )}
      {names.length > 0 && (
        <Text size="xs" c="dimmed" title="Text is never copied into the audit trail">
          {entry.before ? 'Changed' : 'Written'}: {names.join(', ')}
        </Text>
      )}
    </Stack>
  );
}
