import { Stack, Text } from '@mantine/core';
import { auditEnumLabel, auditFieldLabel, UUID_PATTERN, type AuditEntry } from '@soundings/shared';
import { formatDate, formatDateTime } from '@/lib/dates';

type Described = Pick<AuditEntry, 'before' | 'after' | 'entityType' | 'names'>;

/** A recorded value in words: enum labels, names for ids, dates as the app prints them. */
export function auditValue(field: string, value: unknown, entry: Pick<Described, 'entityType' | 'names'>): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map((item) => auditValue(field, item, entry)).join(', ');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (UUID_PATTERN.test(value)) return entry.names[value.toLowerCase()] ?? 'a record since removed';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
    return auditEnumLabel(field, value, entry.entityType) ?? value;
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${auditFieldLabel(key).toLowerCase()} ${auditValue(key, inner, entry)}`)
      .join(', ');
  }
  return String(value);
}

/** "Reports to: Maria Manager → Sam Reed", "Channel: In person", one line per field. */
export function auditChangeLines(entry: Described): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const { changedFields: _names, ...afterValues } = after as Record<string, unknown> & { changedFields?: unknown };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(afterValues)])];
  return keys.flatMap((key) => {
    const label = auditFieldLabel(key);
    if (key in before && key in afterValues) {
      if (JSON.stringify(before[key]) === JSON.stringify(afterValues[key])) return [];
      return [`${label}: ${auditValue(key, before[key], entry)} → ${auditValue(key, afterValues[key], entry)}`];
    }
    return [key in afterValues ? `${label}: ${auditValue(key, afterValues[key], entry)}` : `${label}: ${auditValue(key, before[key], entry)} (removed)`];
  });
}

/** "Wrote the summary and benefits seen": the fields whose words the trail names but never copies. */
export function writtenFieldsSentence(entry: Pick<AuditEntry, 'before' | 'after'>): string | null {
  const names = Array.isArray(entry.after?.changedFields) ? (entry.after.changedFields as unknown[]).map(String) : [];
  if (names.length === 0) return null;
  const labels = names.map((name) => auditFieldLabel(name).toLowerCase());
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return `${entry.before ? 'Changed' : 'Wrote'} the ${list} (the words themselves are never copied here).`;
}

/** Whether the entry kept any change to show (a sign-in or a read keeps none). */
export function hasAuditChanges(entry: Described): boolean {
  return auditChangeLines(entry).length > 0 || writtenFieldsSentence(entry) !== null;
}

/**
 * Before → after for the values the trail keeps, in words. Notes and personal details are never copied into
 * it: for those it keeps only the names of the fields that changed.
 */
export function AuditChanges({ entry }: { entry: Described }) {
  const lines = auditChangeLines(entry);
  const written = writtenFieldsSentence(entry);
  if (lines.length === 0 && !written) {
    return (
      <Text size="xs" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="xs" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
      {written && (
        <Text size="xs" c="dimmed">
          {written}
        </Text>
      )}
    </Stack>
  );
}
