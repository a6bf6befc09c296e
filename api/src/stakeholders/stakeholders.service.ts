import { Injectable } from '@nestjs/common';
import { COOLING_AFTER_DAYS, Page, Stakeholder } from '@soundings/shared';
import { pageOf } from '../common/pagination.dto';
import { invalidField, notFound, versionConflict } from '../errors/api-exceptions';
import { CreateStakeholderDto } from './dto/create-stakeholder.dto';
import { ListStakeholdersDto } from './dto/list-stakeholders.dto';
import { UpdateStakeholderDto } from './dto/update-stakeholder.dto';
import { stakeholderSearchText } from './search-text';
import { mapStakeholder } from './stakeholder.mapper';
import { StakeholdersRepository } from './stakeholders.repository';

@Injectable()
export class StakeholdersService {
  constructor(private readonly stakeholders: StakeholdersRepository) {}

  async list(query: ListStakeholdersDto): Promise<Page<Stakeholder>> {
    const { page, pageSize } = pageOf(query);
    const { rows, total } = await this.stakeholders.list({ ...query, page, pageSize }, COOLING_AFTER_DAYS);
    return { items: rows.map(mapStakeholder), total, page, pageSize };
  }

  async get(id: string): Promise<Stakeholder> {
    const row = await this.stakeholders.findById(id);
    if (!row) throw notFound('Stakeholder');
    return mapStakeholder(row);
  }

  async create(input: CreateStakeholderDto): Promise<Stakeholder> {
    if (input.reportsToId) await this.assertManagerExists(input.reportsToId);
    const id = await this.stakeholders.insert(input, stakeholderSearchText(input));
    return this.get(id);
  }

  async update(id: string, version: number, changes: UpdateStakeholderDto): Promise<Stakeholder> {
    const current = await this.get(id);
    if (changes.reportsToId) {
      if (changes.reportsToId === id) throw invalidField('reportsToId', 'cannot be the person themselves');
      await this.assertManagerExists(changes.reportsToId);
      if (await this.stakeholders.wouldCreateReportingCycle(id, changes.reportsToId)) {
        throw invalidField('reportsToId', 'would make a reporting loop (this person is already above them)');
      }
    }
    const searchFieldsChanged = changes.name !== undefined || changes.title !== undefined || changes.email !== undefined;
    const searchText = searchFieldsChanged
      ? stakeholderSearchText({
          name: changes.name ?? current.name,
          title: changes.title !== undefined ? changes.title : current.title,
          email: changes.email !== undefined ? changes.email : current.email,
        })
      : null;
    const { version: _ignored, ...fields } = changes;
    const updated = await this.stakeholders.updateIfVersion(id, version, fields, searchText);
    if (!updated) {
      const latest = await this.stakeholders.findById(id);
      if (!latest) throw notFound('Stakeholder');
      throw versionConflict(mapStakeholder(latest));
    }
    return this.get(id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.stakeholders.delete(id))) throw notFound('Stakeholder');
  }

  businessFunctions() {
    return this.stakeholders.businessFunctions();
  }

  private async assertManagerExists(managerId: string): Promise<void> {
    if (!(await this.stakeholders.exists(managerId))) throw invalidField('reportsToId', 'is not a known stakeholder');
  }
}
