import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One month's visible work, counted by who led it. */
export interface ResponsibilityMonthRow {
  month_start: string;
  month_end: string;
  briefings_by_leaders: number;
  briefings_by_hr: number;
  initiatives_by_leaders: number;
  initiatives_by_hr: number;
  pilots_by_leaders: number;
  pilots_by_hr: number;
}

const ORG_ZONE = `(SELECT time_zone FROM settings LIMIT 1)`;

/**
 * Who led each piece of work: a leader is a stakeholder whose role is not hr. A briefing is HR's when HR
 * gives it (briefer_is_hr) or its briefer's role is hr; an initiative or a pilot is HR's when it has no owner
 * or sponsor, or theirs has the hr role. Briefings count once done, on their day; initiatives on the day they
 * are held; pilots on the day they started, once no longer proposed. Nothing later than today counts.
 */
const LED_WORK = `
  SELECT 'briefings' AS work, (b.planned_for AT TIME ZONE ${ORG_ZONE})::date AS on_day, (b.briefer_is_hr OR coalesce(s.role = 'hr', false)) AS by_hr
    FROM briefings b LEFT JOIN stakeholders s ON s.id = b.briefer_id
   WHERE b.status = 'done'
  UNION ALL
  SELECT 'initiatives', i.held_on, (o.id IS NULL OR o.role = 'hr')
    FROM initiatives i LEFT JOIN stakeholders o ON o.id = i.owner_id
  UNION ALL
  SELECT 'pilots', p.start_on, (sp.id IS NULL OR sp.role = 'hr')
    FROM pilots p LEFT JOIN stakeholders sp ON sp.id = p.sponsor_id
   WHERE p.start_on IS NOT NULL AND p.status <> 'proposed'`;

const COUNTS = ['briefings', 'initiatives', 'pilots']
  .flatMap((work) => [
    `(count(*) FILTER (WHERE l.work = '${work}' AND NOT l.by_hr))::int AS ${work}_by_leaders`,
    `(count(*) FILTER (WHERE l.work = '${work}' AND l.by_hr))::int AS ${work}_by_hr`,
  ])
  .join(',\n       ');

@Injectable()
export class ResponsibilityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The last `months` months in the organisation's time zone, the current one last, in one statement. */
  months(months: number): Promise<ResponsibilityMonthRow[]> {
    return this.dataSource.query(
      `WITH bounds AS (
         SELECT org_today() AS today, (date_trunc('month', org_today()) - make_interval(months => $1::int - 1))::date AS first_month
       ),
       months AS (
         SELECT m::date AS month_start, (m + interval '1 month' - interval '1 day')::date AS month_end
           FROM bounds, generate_series(bounds.first_month, bounds.today, interval '1 month') m
       ),
       led AS (
         SELECT w.work, w.on_day, w.by_hr FROM (${LED_WORK}) w, bounds
          WHERE w.on_day BETWEEN bounds.first_month AND bounds.today
       )
       SELECT m.month_start, m.month_end,
       ${COUNTS}
         FROM months m LEFT JOIN led l ON l.on_day BETWEEN m.month_start AND m.month_end
        GROUP BY m.month_start, m.month_end
        ORDER BY m.month_start`,
      [months],
    );
  }
}
