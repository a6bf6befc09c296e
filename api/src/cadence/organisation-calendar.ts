import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsoDate, todayIn } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';

/**
 * "Today" for code that needs it outside SQL: the calendar date in the organisation's time zone (Settings),
 * the same day SQL's org_today() gives. Never `new Date().toISOString()`, which is the UTC day.
 */
@Injectable()
export class OrganisationCalendar {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async timeZone(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [{ time_zone }] = await manager.query(`SELECT time_zone FROM settings`);
    return time_zone;
  }

  async today(manager: EntityManager = this.dataSource.manager, now: Date = new Date()): Promise<IsoDate> {
    return todayIn(await this.timeZone(manager), now);
  }
}
