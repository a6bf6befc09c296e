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

describe('query validation of repeated query strings', () => {
  // Loaded here, not at the top: the DTO discovery above requires every DTO file itself.
  const { createValidationPipe } = require('./validation') as typeof import('./validation');
  const { ListStakeholdersDto } = require('../stakeholders/dto/list-stakeholders.dto') as typeof import('../stakeholders/dto/list-stakeholders.dto');
  const asQuery = { type: 'query' as const, metatype: ListStakeholdersDto, data: undefined };

  it('hands out an equal, separate copy of a query that passed, as its class', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ role: 'line_manager', page: '2' }, asQuery)) as InstanceType<typeof ListStakeholdersDto>;
    first.role!.push('other');
    const again = (await pipe.transform({ role: 'line_manager', page: '2' }, asQuery)) as InstanceType<typeof ListStakeholdersDto>;
    expect(again).toBeInstanceOf(ListStakeholdersDto);
    expect(again).not.toBe(first);
    expect({ ...again }).toEqual(expect.objectContaining({ role: ['line_manager'], page: 2 }));
  });

  it('refuses a bad query every time it is sent', async () => {
    const pipe = createValidationPipe();
    for (let i = 0; i < 3; i += 1) {
      await expect(pipe.transform({ role: 'ceo' }, asQuery)).rejects.toMatchObject({ status: 400 });
      await expect(pipe.transform({ page: 'x' }, asQuery)).rejects.toMatchObject({ status: 400 });
    }
  });
});
