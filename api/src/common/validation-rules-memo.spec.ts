import 'reflect-metadata';
import { Type, plainToInstance } from 'class-transformer';
import { IsInt, IsString, MetadataStorage, ValidateNested, Validator, getMetadataStorage, registerDecorator } from 'class-validator';
import { rememberValidationRules } from './validation-rules-memo';

// The validator reads the global storage, so the rules are remembered there, as the app does.

const validator = new Validator();
type Problem = { property: string; constraints?: Record<string, string>; children?: Problem[] };
const flatten = (errors: Problem[], prefix = ''): string[] =>
  errors.flatMap((error) => [
    ...Object.keys(error.constraints ?? {}).map((rule) => `${prefix}${error.property}: ${rule}`),
    ...flatten(error.children ?? [], `${prefix}${error.property}.`),
  ]);
const problems = async (target: object) => flatten(await validator.validate(target, { whitelist: true, forbidNonWhitelisted: true }));

describe('remembered validation rules', () => {
  beforeAll(() => rememberValidationRules());

  it('installs once per storage', () => {
    const storage = new MetadataStorage();
    rememberValidationRules(storage);
    const installed = storage.getTargetValidationMetadatas;
    rememberValidationRules(storage);
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });

  it('checks a class declared after the rules were first remembered, its parent and its nested objects', async () => {
    class Fear {
      @IsString() statement!: string;
    }
    class Note {
      @IsString() summary!: string;
      @ValidateNested({ each: true }) @Type(() => Fear) fears!: Fear[];
    }
    class DatedNote extends Note {
      @IsInt() day!: number;
    }
    const note = (plain: object) => plainToInstance(DatedNote, plain);
    expect(await problems(note({ summary: 'Keen', day: 3, fears: [{ statement: 'Time' }] }))).toEqual([]);
    // Asked twice: the second answer comes from what was remembered and must be the same.
    for (let i = 0; i < 2; i += 1) {
      expect(await problems(note({ summary: 4, day: 'x', fears: [{ statement: 5 }], extra: true }))).toEqual(
        expect.arrayContaining(['summary: isString', 'day: isInt', 'extra: whitelistValidation']),
      );
      expect(await problems(note({ summary: 'Keen', day: 3, fears: [{ statement: 5 }] }))).toEqual(['fears.0.statement: isString']);
    }
    // The parent keeps its own rules, without the child's.
    expect(await problems(plainToInstance(Note, { summary: 'Keen', fears: [] }))).toEqual([]);
  });

  it('applies a rule added after a class was validated', async () => {
    class Briefing {
      @IsString() brief!: string;
    }
    const briefing = () => plainToInstance(Briefing, { brief: 'short' });
    expect(await problems(briefing())).toEqual([]);
    registerDecorator({
      name: 'longBrief',
      target: Briefing,
      propertyName: 'brief',
      validator: { validate: (value: unknown) => typeof value === 'string' && value.length > 10 },
    });
    expect(await problems(briefing())).toEqual(['brief: longBrief']);
    expect(getMetadataStorage().getTargetValidationMetadatas(Briefing, '', false, false)).toHaveLength(2);
  });
});
