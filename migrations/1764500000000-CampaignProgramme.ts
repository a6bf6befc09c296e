import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES = `'top_team','senior_leader','line_manager','hr','other'`;

export class CampaignProgramme1764500000000 implements MigrationInterface {
  name = 'CampaignProgramme1764500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // One notion of "today" for the whole organisation: its time zone, UTC until an admin sets one.
    await queryRunner.query(`ALTER TABLE settings ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC'`);
    await queryRunner.query(`
      CREATE FUNCTION org_today() RETURNS date LANGUAGE sql STABLE AS
        $$ SELECT (now() AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date $$`);

    // A function's priorities in its own words, owned by a leader. The priority is the function's: erasing
    // its owner clears the owner, not the priority.
    await queryRunner.query(`
      CREATE TABLE priorities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        business_function text NOT NULL CHECK (length(business_function) BETWEEN 1 AND 200),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        owner_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL,
        coaching_link text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX priorities_one_title_per_function ON priorities (lower(business_function), lower(title))`);
    await queryRunner.query(`CREATE INDEX priorities_owner ON priorities (owner_id) WHERE owner_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE sounding_priorities (
        sounding_id uuid NOT NULL REFERENCES soundings(id) ON DELETE CASCADE,
        priority_id uuid NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
        PRIMARY KEY (sounding_id, priority_id)
      )`);
    await queryRunner.query(`CREATE INDEX sounding_priorities_priority ON sounding_priorities (priority_id)`);
    await queryRunner.query(`
      CREATE TABLE briefing_priorities (
        briefing_id uuid NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
        priority_id uuid NOT NULL REFERENCES priorities(id) ON DELETE CASCADE,
        PRIMARY KEY (briefing_id, priority_id)
      )`);
    await queryRunner.query(`CREATE INDEX briefing_priorities_priority ON briefing_priorities (priority_id)`);

    // The organisation's narratives and values, and how each landed in a sounding.
    await queryRunner.query(`
      CREATE TABLE narratives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text,
        archived boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX narratives_one_title ON narratives (lower(title))`);
    await queryRunner.query(`
      CREATE TABLE sounding_narratives (
        sounding_id uuid NOT NULL REFERENCES soundings(id) ON DELETE CASCADE,
        narrative_id uuid NOT NULL REFERENCES narratives(id) ON DELETE CASCADE,
        response text NOT NULL CHECK (response IN ('resonated','jarred')),
        PRIMARY KEY (sounding_id, narrative_id)
      )`);
    await queryRunner.query(`CREATE INDEX sounding_narratives_narrative ON sounding_narratives (narrative_id)`);

    // Pilots as proof: a sponsor (null while HR runs it alone), the leaders who asked for proof, dated results.
    await queryRunner.query(`
      CREATE TABLE pilots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        sponsor_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL,
        business_function text,
        scope text,
        start_on date,
        end_on date,
        status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','running','done','stopped')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT pilots_ends_after_start CHECK (end_on IS NULL OR start_on IS NULL OR end_on >= start_on)
      )`);
    await queryRunner.query(`CREATE INDEX pilots_sponsor ON pilots (sponsor_id) WHERE sponsor_id IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX pilots_status ON pilots (status, start_on)`);
    await queryRunner.query(`
      CREATE TABLE pilot_proof_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pilot_id uuid NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
        observed_on date NOT NULL,
        result text NOT NULL CHECK (length(result) > 0),
        value numeric,
        unit text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT proof_points_unit_with_value CHECK (unit IS NULL OR value IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX pilot_proof_points_latest ON pilot_proof_points (pilot_id, observed_on DESC, created_at DESC)`);
    await queryRunner.query(`
      CREATE TABLE pilot_askers (
        pilot_id uuid NOT NULL REFERENCES pilots(id) ON DELETE CASCADE,
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        told_proof_point_id uuid REFERENCES pilot_proof_points(id) ON DELETE SET NULL,
        told_on date,
        PRIMARY KEY (pilot_id, stakeholder_id)
      )`);
    await queryRunner.query(`CREATE INDEX pilot_askers_stakeholder ON pilot_askers (stakeholder_id)`);

    // The rolling programme that keeps leaders involved; an owner who is a leader where possible (null: HR).
    await queryRunner.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('update','event','showcase','workshop','other')),
        held_on date NOT NULL,
        owner_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL,
        description text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await queryRunner.query(`CREATE INDEX initiatives_held_on ON initiatives (held_on DESC, created_at DESC, id)`);
    await queryRunner.query(`CREATE INDEX initiatives_owner ON initiatives (owner_id) WHERE owner_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE initiative_people (
        initiative_id uuid NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        PRIMARY KEY (initiative_id, stakeholder_id)
      )`);
    await queryRunner.query(`CREATE INDEX initiative_people_stakeholder ON initiative_people (stakeholder_id)`);

    // Cadence: by role (editable in Settings), or a person's own.
    await queryRunner.query(`
      CREATE TABLE cadence_rules (
        role text PRIMARY KEY CHECK (role IN (${ROLES})),
        ideal_days integer NOT NULL CHECK (ideal_days BETWEEN 1 AND 365),
        max_days integer NOT NULL CHECK (max_days BETWEEN 1 AND 365),
        CONSTRAINT cadence_rules_ideal_within_max CHECK (ideal_days <= max_days)
      )`);
    await queryRunner.query(`
      INSERT INTO cadence_rules (role, ideal_days, max_days) VALUES
        ('top_team', 21, 45), ('senior_leader', 45, 90), ('line_manager', 45, 90), ('hr', 45, 90), ('other', 45, 90)`);
    await queryRunner.query(`
      ALTER TABLE stakeholders
        ADD COLUMN cadence_ideal_days integer CHECK (cadence_ideal_days BETWEEN 1 AND 365),
        ADD COLUMN cadence_max_days integer CHECK (cadence_max_days BETWEEN 1 AND 365),
        ADD CONSTRAINT stakeholders_cadence_both_or_neither CHECK ((cadence_ideal_days IS NULL) = (cadence_max_days IS NULL)),
        ADD CONSTRAINT stakeholders_cadence_ideal_within_max CHECK (cadence_ideal_days IS NULL OR cadence_ideal_days <= cadence_max_days)`);

    // Every kind of contact, dated: the one reading of "when did we last reach them". A meeting or an
    // initiative counts once its day has come; a briefing once it is done (a top-team-wide one reaches
    // every top-team member).
    await queryRunner.query(`
      CREATE VIEW contact_events AS
        SELECT stakeholder_id, held_on AS contacted_on, 'sounding'::text AS kind FROM soundings
        UNION ALL
        SELECT briefer_id, (planned_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date, 'briefing_given'
          FROM briefings WHERE status = 'done' AND briefer_id IS NOT NULL
        UNION ALL
        SELECT audience_id, (planned_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date, 'briefing_received'
          FROM briefings WHERE status = 'done' AND audience_id IS NOT NULL
        UNION ALL
        SELECT s.id, (b.planned_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date, 'briefing_received'
          FROM briefings b JOIN stakeholders s ON s.role = 'top_team' AND s.erased_at IS NULL
         WHERE b.status = 'done' AND b.audience_is_top_team
        UNION ALL
        SELECT a.stakeholder_id, (m.scheduled_for AT TIME ZONE (SELECT time_zone FROM settings LIMIT 1))::date, 'meeting'
          FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
        UNION ALL
        SELECT p.stakeholder_id, i.held_on, 'initiative'
          FROM initiative_people p JOIN initiatives i ON i.id = p.initiative_id`);

    // Timing: dated windows when a person is most receptive, or not to be approached.
    await queryRunner.query(`
      CREATE TABLE timing_windows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('best','not_now')),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT timing_windows_ends_after_start CHECK (ends_on >= starts_on)
      )`);
    await queryRunner.query(`CREATE INDEX timing_windows_stakeholder ON timing_windows (stakeholder_id, starts_on)`);

    // What each leader was told to expect, by whom, and whether it is realistic.
    await queryRunner.query(`
      CREATE TABLE expectations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        stakeholder_id uuid NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,
        expectation text NOT NULL CHECK (length(expectation) > 0),
        told_on date NOT NULL,
        told_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        told_by_stakeholder_id uuid REFERENCES stakeholders(id) ON DELETE SET NULL,
        realistic boolean NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','met','at_risk','withdrawn')),
        note text,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT expectations_one_teller CHECK (told_by_user_id IS NULL OR told_by_stakeholder_id IS NULL),
        CONSTRAINT expectations_not_told_by_self CHECK (told_by_stakeholder_id IS DISTINCT FROM stakeholder_id)
      )`);
    await queryRunner.query(`CREATE INDEX expectations_stakeholder ON expectations (stakeholder_id, told_on DESC)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE expectations`);
    await queryRunner.query(`DROP TABLE timing_windows`);
    await queryRunner.query(`DROP VIEW contact_events`);
    await queryRunner.query(`
      ALTER TABLE stakeholders DROP CONSTRAINT stakeholders_cadence_ideal_within_max, DROP CONSTRAINT stakeholders_cadence_both_or_neither,
        DROP COLUMN cadence_max_days, DROP COLUMN cadence_ideal_days`);
    await queryRunner.query(`DROP TABLE cadence_rules`);
    await queryRunner.query(`DROP TABLE initiative_people`);
    await queryRunner.query(`DROP TABLE initiatives`);
    await queryRunner.query(`DROP TABLE pilot_askers`);
    await queryRunner.query(`DROP TABLE pilot_proof_points`);
    await queryRunner.query(`DROP TABLE pilots`);
    await queryRunner.query(`DROP TABLE sounding_narratives`);
    await queryRunner.query(`DROP TABLE narratives`);
    await queryRunner.query(`DROP TABLE briefing_priorities`);
    await queryRunner.query(`DROP TABLE sounding_priorities`);
    await queryRunner.query(`DROP TABLE priorities`);
    await queryRunner.query(`DROP FUNCTION org_today()`);
    await queryRunner.query(`ALTER TABLE settings DROP COLUMN time_zone`);
  }
}
