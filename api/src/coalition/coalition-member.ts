import { CoalitionMember, CommitmentLevel, isOnBoard, StakeholderRole } from '@soundings/shared';

/** A person's columns as the coalition reads select them (snake_case, straight from `stakeholders`). */
export interface CoalitionMemberRow {
  id: string;
  name: string;
  title: string | null;
  role: string;
  business_function: string | null;
  potential_champion: boolean;
  commitment: string;
  required_commitment: string | null;
}

/** The one mapping of a person as every coalition view shows them. */
export function toCoalitionMember(row: CoalitionMemberRow): CoalitionMember {
  const commitment = row.commitment as CommitmentLevel;
  return {
    id: row.id,
    name: row.name,
    title: row.title ?? null,
    role: row.role as StakeholderRole,
    businessFunction: row.business_function ?? null,
    potentialChampion: row.potential_champion,
    commitment,
    requiredCommitment: (row.required_commitment as CommitmentLevel | null) ?? null,
    onBoard: isOnBoard(commitment),
  };
}

/** The columns of a person as the coalition views show them, read from stakeholder alias `s` as `<prefix>_…`. */
export function coalitionMemberColumns(alias: string, prefix: string): string {
  return [
    `${alias}.id AS ${prefix}_id`,
    `${alias}.name AS ${prefix}_name`,
    `${alias}.title AS ${prefix}_title`,
    `${alias}.role AS ${prefix}_role`,
    `${alias}.business_function AS ${prefix}_business_function`,
    `${alias}.potential_champion AS ${prefix}_potential_champion`,
    `${alias}.commitment AS ${prefix}_commitment`,
    `${alias}.required_commitment AS ${prefix}_required_commitment`,
  ].join(', ');
}

/** Reads the columns `coalitionMemberColumns(alias, prefix)` selected. */
export function mapCoalitionMember(row: Record<string, unknown>, prefix: string): CoalitionMember {
  const column = (name: keyof CoalitionMemberRow) => row[`${prefix}_${name}`];
  return toCoalitionMember({
    id: column('id') as string,
    name: column('name') as string,
    title: column('title') as string | null,
    role: column('role') as string,
    business_function: column('business_function') as string | null,
    potential_champion: column('potential_champion') as boolean,
    commitment: column('commitment') as string,
    required_commitment: column('required_commitment') as string | null,
  });
}

/** A person of stakeholder alias `alias` as one JSON object with the columns of CoalitionMemberRow, for toCoalitionMember. */
export function coalitionMemberJson(alias: string): string {
  return `json_build_object(
  'id', ${alias}.id, 'name', ${alias}.name, 'title', ${alias}.title, 'role', ${alias}.role,
  'business_function', ${alias}.business_function, 'potential_champion', ${alias}.potential_champion,
  'commitment', ${alias}.commitment, 'required_commitment', ${alias}.required_commitment)`;
}
