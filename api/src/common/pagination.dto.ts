import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@soundings/shared';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { QueryInteger } from './validation';

export class PageQueryDto {
  @IsOptional()
  @QueryInteger()
  @IsInt({ message: 'must be a whole number from 1' })
  @Min(1, { message: 'must be a whole number from 1' })
  @Max(1_000_000, { message: 'must be at most 1000000' })
  page?: number;

  @IsOptional()
  @QueryInteger()
  @IsInt({ message: `must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
  @Min(1, { message: `must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
  @Max(PAGE_SIZE_MAX, { message: `must be a whole number from 1 to ${PAGE_SIZE_MAX}` })
  pageSize?: number;
}

export function pageOf(query: PageQueryDto): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? PAGE_SIZE_DEFAULT };
}
