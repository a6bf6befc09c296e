import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessFunctionOption, Cadence, CommitmentLevel, COMMITMENT_LEVELS, COMMITMENT_PATH, STAKEHOLDER_CONTACT_FILTERS, STAKEHOLDER_ROLES, StakeholderSort } from '@soundings/shared';
import { DataSource, EntityManager } from 'typeorm';
import { cadenceSql, ContactCadenceRow } from '../cadence/cadence-sql';
import { CreateStakeholderDto } from './dto/create-stakeholder.dto';
import { ListStakeholdersDto } from './dto/list-stakeholders.dto';
import { escapeLike, searchWords } from './search-text';

export interface StakeholderRow extends ContactCadenceRow {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  business_function: string | null;
  role: string;
  potential_champion: boolean;
  influence: number | null;
  reports_to_id: string | null;
  reports_to_name: string | null;
  required_commitment: string | null;
  timing_notes: string | null;
  commitment: string;
  commitment_since: string | null;
  last_contact_at: string | null;
  next_follow_up_on: string | null;
  open_fears: number;
  erased_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface LockedStakeholderRow {
  id: string;
  commitment: CommitmentLevel;
  erased_at: Date | null;
}

const CADENCE = cadenceSql('s');

/** How far a list counts exactly: LIST_EXACT_TOTAL_MAX, read as the app starts (10,000 unless set). */
export function exactTotalLimit(env: NodeJS.ProcessEnv = process.env): number {
  const limit = Number(env.LIST_EXACT_TOTAL_MAX ?? 10_000);
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`LIST_EXACT_TOTAL_MAX must be a whole number above 0, got "${env.LIST_EXACT_TOTAL_MAX}"`);
  return limit;
}

/** Column list for one stakeholder with the names and counts its views need, in one statement. */
export const STAKEHOLDER_COLUMNS = `
  s.id, s.name, s.title, s.email, s.business_function, s.role, s.potential_champion, s.influence,
  s.reports_to_id, m.name AS reports_to_name, s.required_commitment, s.timing_notes, s.commitment,
  s.commitment_since, s.last_contact_at, s.next_follow_up_on, s.erased_at, s.created_at, s.updated_at, s.version,
  (SELECT count(*) FROM fears f WHERE f.stakeholder_id = s.id AND f.status <> 'resolved') AS open_fears,
  ${CADENCE.columns}, ${CADENCE.lastKind}`;

export const STAKEHOLDER_FROM = `FROM stakeholders s LEFT JOIN stakeholders m ON m.id = s.reports_to_id`;

// Resistant sorts below not_sounded: least committed first when ascending.
// The expression must stay as written in the stakeholders_commitment_sort index.
const LADDER: readonly CommitmentLevel[] = ['resistant', ...COMMITMENT_PATH];
const LADDER_ORDER = `array_position(ARRAY[${LADDER.map((l) => `'${l}'`).join(',')}]::text[], s.commitment)`;

/**
 * Values of a closed set as SQL literals. The DTO has already refused anything else; checking again here means a
 * value can only ever reach the statement's text if it is one of the set's own constants.
 */
function enumLiterals<T extends string>(values: readonly T[], allowed: readonly T[]): string {
  const stranger = values.find((value) => !allowed.includes(value));
  if (stranger !== undefined) throw new Error(`"${stranger}" is not one of ${allowed.join(', ')}`);
  return [...new Set(values)].sort().map((value) => `'${value}'`).join(',');
}

const ORDER_BY: Record<StakeholderSort, string> = {
  name: 'lower(s.name) ASC, s.id ASC',
  '-name': 'lower(s.name) DESC, s.id DESC',
  commitment: `${LADDER_ORDER} ASC, lower(s.name) ASC, s.id ASC`,
  '-commitment': `${LADDER_ORDER} DESC, lower(s.name) ASC, s.id ASC`,
  // Never-contacted first when ascending: they are the ones to act on.
  lastContact: 's.last_contact_at ASC NULLS FIRST, lower(s.name) ASC, s.id ASC',
  '-lastContact': 's.last_contact_at DESC NULLS LAST, lower(s.name) ASC, s.id ASC',
  // Both walk an index (stakeholders_gap_sort, stakeholders_influence_sort): the expressions must stay as written there.
  '-gap': 'commitment_gap(s.commitment, s.required_commitment) DESC, lower(s.name) ASC, s.id ASC',
  '-influence': 's.influence DESC NULLS LAST, lower(s.name) ASC, s.id ASC',
};

/** DTO field → column, for inserts and partial updates. */
const WRITABLE_COLUMNS: Record<keyof CreateStakeholderDto, string> = {
  name: 'name',
  title: 'title',
  email: 'email',
  businessFunction: 'business_function',
  role: 'role',
  potentialChampion: 'potential_champion',
  influence: 'influence',
  reportsToId: 'reports_to_id',
  requiredCommitment: 'required_commitment',
  timingNotes: 'timing_notes',
};

@Injectable()
export class StakeholdersRepository {
  /** Up to this many matches the list counts exactly; past it the total is an estimate (counting all would cost more than the page). */
  private readonly exactTotalMax: number = exactTotalLimit();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(
    query: ListStakeholdersDto & { page: number; pageSize: number },
  ): Promise<{ rows: StakeholderRow[]; total: number; totalIsEstimate: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const words = searchWords(query.q ?? '');
    for (const word of words) where.push(`s.search_text LIKE ${param(`%${escapeLike(word)}%`)}`);
    // Levels, roles and contact states are written into the statement as literals: each combination is its own
    // prepared statement, planned once for its real selectivity (a rare level and a common one want different
    // plans), where an array parameter was planned afresh on every request.
    if (query.commitment?.length) {
      where.push(`s.commitment IN (${enumLiterals(query.commitment, COMMITMENT_LEVELS)})`);
      // The same filter on the ladder position lets the ladder-sorted index skip the other levels instead of reading past them.
      where.push(`${LADDER_ORDER} IN (${[...new Set(query.commitment)].map((level) => LADDER.indexOf(level) + 1).sort((a, b) => a - b).join(',')})`);
    }
    if (query.role?.length) where.push(`s.role IN (${enumLiterals(query.role, STAKEHOLDER_ROLES)})`);
    if (query.businessFunction?.length) {
      where.push(`lower(s.business_function) = ANY(${param(query.businessFunction.map((name) => name.toLowerCase()))}::text[])`);
    }
    if (query.potentialChampion !== undefined) where.push(`s.potential_champion = ${param(query.potentialChampion)}`);
    if (query.cooling !== undefined) where.push(query.cooling ? CADENCE.cooling : `NOT ${CADENCE.cooling}`);
    if (query.contact?.length) where.push(`${CADENCE.state} IN (${enumLiterals(query.contact, STAKEHOLDER_CONTACT_FILTERS)})`);
    if (query.overdue !== undefined) where.push(query.overdue ? 's.next_follow_up_on < org_today()' : 'NOT coalesce(s.next_follow_up_on < org_today(), false)');
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const limit = param(query.pageSize);
    const offset = param((query.page - 1) * query.pageSize);
    const sort = query.sort ?? 'name';
    const order = ORDER_BY[sort];
    // A search sorted by name is gathered from the trigram index and then sorted, never found by walking the name
    // index: the planner takes the matches to be spread evenly along it, but a search is mostly for a name, and
    // those sit together (finding the 50 first of 2,500 Zoës at 100,000 people walked 97,000 buffers). Words
    // under three letters have no trigram, so they keep the walk.
    const gatherMatchesFirst = (sort === 'name' || sort === '-name') && words.some((word) => word.length >= 3);
    const rows: (StakeholderRow & { total: string; total_is_estimate: boolean })[] = await this.dataSource.query(
      gatherMatchesFirst ? this.gatheredPageSql(whereSql, order, limit, offset) : this.walkedPageSql(where, whereSql, order, limit, offset),
      params,
    );
    return {
      rows: rows.filter((row) => row.id !== null),
      total: Number(rows[0]?.total ?? 0),
      totalIsEstimate: rows[0]?.total_is_estimate ?? false,
    };
  }

  /**
   * The page walked along the index of its sort, cut first on the stakeholders table alone; the manager's name,
   * open fears and cadence are then looked up for its rows only. The count stops at the exact limit; the totals
   * row is always there, so a page past the end still knows the total.
   */
  private walkedPageSql(where: string[], whereSql: string, order: string, limit: string, offset: string): string {
    const exactMax = this.exactTotalMax;
    // Past the exact limit: the whole table's planner count when nothing filters, else the share of a fixed
    // sample that matches, scaled to the table (REPEATABLE, so paging does not make the number jump).
    const estimate = where.length
      ? `(SELECT (count(*) FILTER (WHERE ${where.join(' AND ')}) * (SELECT reltuples FROM pg_class WHERE oid = 'stakeholders'::regclass) / nullif(count(*), 0))::bigint
            FROM stakeholders s TABLESAMPLE SYSTEM (5) REPEATABLE (0))`
      : `(SELECT reltuples::bigint FROM pg_class WHERE oid = 'stakeholders'::regclass)`;
    return `SELECT ${STAKEHOLDER_COLUMNS},
              CASE WHEN counted.n > ${exactMax} THEN greatest(${exactMax + 1}, coalesce(${estimate}, 0)) ELSE counted.n END AS total,
              counted.n > ${exactMax} AS total_is_estimate
         FROM (SELECT count(*) AS n FROM (SELECT 1 FROM stakeholders s ${whereSql} LIMIT ${exactMax + 1}) capped) counted
         LEFT JOIN LATERAL (
           SELECT s.* FROM stakeholders s ${whereSql} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}
         ) s ON true
         LEFT JOIN stakeholders m ON m.id = s.reports_to_id
        ORDER BY ${order}`;
  }

  /**
   * A search's matches, gathered once from the trigram index as id and name only: the count and the page's
   * sort both read that small set, where counting and paging on their own visited every match's heap page twice
   * (2,500 Zoës lie on 2,489 pages). Every match is read anyway to sort them, so the total is always exact.
   */
  private gatheredPageSql(whereSql: string, order: string, limit: string, offset: string): string {
    return `WITH matches AS MATERIALIZED (SELECT s.id, s.name FROM stakeholders s ${whereSql})
       SELECT ${STAKEHOLDER_COLUMNS}, counted.n AS total, false AS total_is_estimate
         FROM (SELECT count(*) AS n FROM matches) counted
         LEFT JOIN LATERAL (
           SELECT s.* FROM (SELECT s.id, s.name FROM matches s ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page
             JOIN stakeholders s ON s.id = page.id
         ) s ON true
         LEFT JOIN stakeholders m ON m.id = s.reports_to_id
        ORDER BY ${order}`;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<StakeholderRow | null> {
    const rows: StakeholderRow[] = await manager.query(`SELECT ${STAKEHOLDER_COLUMNS} ${STAKEHOLDER_FROM} WHERE s.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async exists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM stakeholders WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /**
   * Locks these people's rows for the rest of the transaction (in id order, so concurrent writers
   * cannot deadlock) and reads what a write must check: the level, and whether they were erased.
   * Unknown ids are simply absent.
   */
  async lockMany(manager: EntityManager, ids: string[]): Promise<LockedStakeholderRow[]> {
    return manager.query(
      `SELECT id, commitment, erased_at FROM stakeholders WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[...new Set(ids)]],
    );
  }

  async insert(manager: EntityManager, input: CreateStakeholderDto, searchText: string): Promise<string> {
    const entries = Object.entries(input).filter(([key, value]) => value !== undefined && key in WRITABLE_COLUMNS);
    const columns = [...entries.map(([key]) => WRITABLE_COLUMNS[key as keyof CreateStakeholderDto]), 'search_text'];
    const values = [...entries.map(([, value]) => value), searchText];
    const rows = await manager.query(
      `INSERT INTO stakeholders (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values,
    );
    return rows[0].id;
  }

  /**
   * Compare-and-set update: applies only when the stored version is the one the caller loaded.
   * Returns false when no row matched (missing, or changed since).
   */
  async updateIfVersion(
    manager: EntityManager,
    id: string,
    version: number,
    changes: Partial<CreateStakeholderDto>,
    searchText: string | null,
  ): Promise<boolean> {
    const entries = Object.entries(changes).filter(([key, value]) => value !== undefined && key in WRITABLE_COLUMNS);
    const params: unknown[] = [id, version];
    const sets = entries.map(([key, value]) => {
      params.push(value);
      return `${WRITABLE_COLUMNS[key as keyof CreateStakeholderDto]} = $${params.length}`;
    });
    if (searchText !== null) {
      params.push(searchText);
      sets.push(`search_text = $${params.length}`);
    }
    const result = await manager.query(
      `UPDATE stakeholders SET ${[...sets, 'updated_at = now()', 'version = version + 1'].join(', ')}
        WHERE id = $1 AND version = $2 RETURNING id`,
      params,
    );
    return result[0].length > 0;
  }

  /** Sets a person's own cadence, or clears it (null) so their role's applies again. */
  async setCadence(manager: EntityManager, id: string, cadence: Cadence | null): Promise<void> {
    await manager.query(`UPDATE stakeholders SET cadence_ideal_days = $2, cadence_max_days = $3 WHERE id = $1`, [
      id,
      cadence?.idealDays ?? null,
      cadence?.maxDays ?? null,
    ]);
  }

  /** Whether making `id` report to `managerId` would close a loop in the reporting line. */
  async wouldCreateReportingCycle(id: string, managerId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `WITH RECURSIVE chain(id, depth) AS (
         SELECT reports_to_id, 1 FROM stakeholders WHERE id = $2
         UNION ALL
         SELECT s.reports_to_id, chain.depth + 1 FROM stakeholders s JOIN chain ON s.id = chain.id
          WHERE chain.id IS NOT NULL AND chain.depth < 1000
       )
       SELECT 1 FROM chain WHERE id = $1 LIMIT 1`,
      [id, managerId],
    );
    return rows.length > 0;
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const result = await manager.query(`DELETE FROM stakeholders WHERE id = $1 RETURNING id`, [id]);
    return result[0].length > 0;
  }

  async businessFunctions(): Promise<BusinessFunctionOption[]> {
    return this.dataSource.query(
      `SELECT min(business_function) AS name, count(*) AS stakeholders
         FROM stakeholders WHERE business_function IS NOT NULL
        GROUP BY lower(business_function) ORDER BY lower(business_function)`,
    );
  }
}
