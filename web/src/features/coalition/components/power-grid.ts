import {
  COMMITMENT_PATH,
  commitmentGap,
  HIGH_INFLUENCE_SCORE,
  type CommitmentLevel,
  type NetworkNode,
} from '@soundings/shared';
import { byInfluence } from './network-graph';

/** Columns left to right: resistant in a column of its own, then the ladder in order. */
export const GRID_COLUMNS: CommitmentLevel[] = ['resistant', ...COMMITMENT_PATH];

export type InfluenceBand = 'high' | 'some' | 'little';

/** Rows top to bottom, each from its lowest score. */
export const INFLUENCE_BANDS: { band: InfluenceBand; label: string; from: number }[] = [
  { band: 'high', label: `High influence (${HIGH_INFLUENCE_SCORE}+)`, from: HIGH_INFLUENCE_SCORE },
  { band: 'some', label: `Some influence (${HIGH_INFLUENCE_SCORE / 2}–${HIGH_INFLUENCE_SCORE - 1})`, from: HIGH_INFLUENCE_SCORE / 2 },
  { band: 'little', label: `Little influence (0–${HIGH_INFLUENCE_SCORE / 2 - 1})`, from: 0 },
];

export function influenceBand(score: number): InfluenceBand {
  return INFLUENCE_BANDS.find((row) => score >= row.from)?.band ?? 'little';
}

export interface GridPerson {
  person: NetworkNode;
  /** Steps still to climb to their required level. */
  gap: number;
  /** High influence and not yet at their required level: the few to act on. */
  mustMove: boolean;
}

export type GridCells = Record<InfluenceBand, Record<CommitmentLevel, GridPerson[]>>;

export interface PowerGrid {
  /** Where each person stands now. */
  people: GridCells;
  /** Where those with a required level above where they stand must get to (same row). */
  targets: GridCells;
  /** High influence, not yet where they must be: most influence first. */
  mustMove: GridPerson[];
}

function emptyCells(): GridCells {
  const row = () => Object.fromEntries(GRID_COLUMNS.map((level) => [level, [] as GridPerson[]])) as Record<CommitmentLevel, GridPerson[]>;
  return { high: row(), some: row(), little: row() };
}

export function placeOnGrid(nodes: NetworkNode[]): PowerGrid {
  const people = emptyCells();
  const targets = emptyCells();
  const mustMove: GridPerson[] = [];
  for (const person of byInfluence(nodes)) {
    const gap = commitmentGap(person.commitment, person.requiredCommitment);
    const placed = { person, gap, mustMove: gap > 0 && person.influenceScore >= HIGH_INFLUENCE_SCORE };
    const band = influenceBand(person.influenceScore);
    people[band][person.commitment].push(placed);
    if (gap > 0 && person.requiredCommitment) targets[band][person.requiredCommitment].push(placed);
    if (placed.mustMove) mustMove.push(placed);
  }
  return { people, targets, mustMove };
}
