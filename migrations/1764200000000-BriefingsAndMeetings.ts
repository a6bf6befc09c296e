import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BriefingsAndMeetings1764200000000 implements MigrationInterface {
  name = 'BriefingsAndMeetings1764200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // Who briefs whom. A briefing without its briefer or its audience means nothing, so it goes
    // with them (ON DELETE CASCADE) rather than being left half-empty.
    await queryRunner.query(`
      CREATE TABLE briefings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        briefer_id uuid REFERENCES stakeholders(id) ON DELETE CASCADE,
        briefer_is_hr boolean NOT NULL DEFAULT false,
        audience_id uuid REFERENCES stakeholders(id) ON DELETE CASCADE,
        audience_is_top_team boolean NOT NULL DEFAULT false,
        planned_for timestamptz NOT NULL,
        brief text,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','done','cancelled')),
        outcome text,
        -- Manual order within the plan's day (the UTC date of planned_for); 0 while the day follows the clock.
        day_position integer NOT NULL DEFAULT 0 CHECK (day_position >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT briefings_briefer_or_hr CHECK ((briefer_id IS NULL) = briefer_is_hr),
        CONSTRAINT briefings_audience_or_top_team CHECK ((audience_id IS NULL) = audience_is_top_team),
        CONSTRAINT briefings_not_to_self CHECK (briefer_id <> audience_id),
        CONSTRAINT briefings_outcome_after_the_fact CHECK (outcome IS NULL OR status <> 'planned')
      )`);
    await queryRunner.query(`CREATE INDEX briefings_plan_order ON briefings (((planned_for AT TIME ZONE 'UTC')::date), day_position, planned_for, created_at, id)`);
    await queryRunner.query(`CREATE INDEX briefings_briefer ON briefings (briefer_id)`);
    await queryRunner.query(`CREATE INDEX briefings_audience ON briefings (audience_id)`);
    // The journey shows briefings that happened; top-team-wide ones reach every member.
    await queryRunner.query(`CREATE INDEX briefings_done_to_top_team ON briefings (planned_for) WHERE status = 'done' AND audience_is_top_team`);

    await queryRunner.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        scheduled_for timestamptz NOT NULL,
        purpose text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX meetings_scheduled_for ON meetings (scheduled_for DESC, created_at DESC, id)`);

    await queryRunner.query(`
      CREATE TABLE meeting_attendees (
        meeting_id uuid NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        -- Recorded after the meeting: spoke for the strategy in the room.
        spoke_for boolean NOT NULL DEFAULT false,
        PRIMARY KEY (meeting_id, stakeholder_id)
      )`);
    await queryRunner.query(`CREATE INDEX meeting_attendees_stakeholder ON meeting_attendees (stakeholder_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meeting_attendees`);
    await queryRunner.query(`DROP TABLE meetings`);
    await queryRunner.query(`DROP TABLE briefings`);
  }
}
