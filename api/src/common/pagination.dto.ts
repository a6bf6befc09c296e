import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '@soundings/shared';
import { Optional, QueryInteger, WholeNumber } from './validation';

export const PAGE_MAX = 1_000_000;

export class PageQueryDto {
  @Optional()
  @QueryInteger()
  @WholeNumber(1, PAGE_MAX)
  page?: number;

  @Optional()
  @QueryInteger()
  @WholeNumber(1, PAGE_SIZE_MAX)
  pageSize?: number;
}

export function pageOf(query: PageQueryDto): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? PAGE_SIZE_DEFAULT };
}
