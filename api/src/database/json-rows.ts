/**
 * A read's rows as one JSON array column, so a view can fetch several lists in the statement that reads
 * its subject. The inner statement keeps its own ORDER BY: an aggregate over a sorted sub-select with no
 * join or grouping above it keeps that order.
 */
export function jsonRows(selectSql: string): string {
  return `(SELECT coalesce(json_agg(q), '[]'::json) FROM (${selectSql}) q)`;
}

/**
 * JSON carries timestamps as text; the mappers take the `Date`s the driver would have given, and
 * `new Date` on PostgreSQL's ISO text truncates to milliseconds exactly as the driver does.
 */
export function withMoments<T>(rows: unknown, columns: readonly (keyof T & string)[]): T[] {
  return (rows as Record<string, unknown>[]).map((row) => {
    for (const column of columns) {
      const value = row[column];
      if (typeof value === 'string') row[column] = new Date(value);
    }
    return row as T;
  });
}
