import fs from 'node:fs';
import path from 'node:path';
import { getMetadataStorage } from 'class-validator';

/** Every exported class of every DTO file under src/. */
function dtoClasses(): [string, Function][] {
  const root = path.join(__dirname, '..');
  const files = fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)dto\/[^/]+\.dto\.ts$/.test(file) || file.endsWith('pagination.dto.ts'));
  return files.flatMap((file) =>
    Object.entries(require(path.join(root, file)) as Record<string, unknown>)
      .filter((entry): entry is [string, Function] => typeof entry[1] === 'function' && /^[A-Z]/.test(entry[0]))
      .map(([name, cls]) => [`${file} ${name}`, cls] as [string, Function]),
  );
}

describe('DTO null handling', () => {
  const classes = dtoClasses();

  it('finds the DTOs', () => {
    expect(classes.length).toBeGreaterThan(20);
  });

  // @IsOptional (and Nest's PartialType, which adds it) lets null through to columns that cannot hold it.
  // Optional() refuses null; Nullable() accepts it as "none"; PatchOf() keeps that choice on PATCH.
  it.each(classes)('%s says for each optional field whether null is allowed (Optional or Nullable, never IsOptional)', (_name, cls) => {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
    expect(metadata.filter((m) => m.name === 'isOptional').map((m) => m.propertyName)).toEqual([]);
  });
});
