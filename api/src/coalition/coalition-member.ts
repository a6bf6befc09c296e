import { CoalitionMember, CommitmentLevel, isOnBoard, StakeholderRole } from '@soundings/shared';

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
  const commitment = row[`${prefix}_commitment`] as CommitmentLevel;
  return {
    id: row[`${prefix}_id`] as string,
    name: row[`${prefix}_name`] as string,
    title: (row[`${prefix}_title`] as string | null) ?? null,
    role: row[`${prefix}_role`] as StakeholderRole,
    businessFunction: (row[`${prefix}_business_function`] as string | null) ?? null,
    potentialChampion: row[`${prefix}_potential_champion`] as boolean,
    commitment,
    requiredCommitment: (row[`${prefix}_required_commitment`] as CommitmentLevel | null) ?? null,
    onBoard: isOnBoard(commitment),
  };
}
