import type { INestApplicationContext } from '@nestjs/common';
import type { NarrativeReaction } from '@soundings/shared';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { NarrativesService } from '../../narratives/narratives.service';
import { SoundingsService } from '../../soundings/soundings.service';

const NARRATIVES = {
  ownLeaders: { title: 'We grow our own leaders', description: 'Most of the top team started here; succession comes from within.' },
  customer: { title: 'The customer comes first', description: 'The NPS target and customer retention, in every function.' },
  zeroHarm: { title: 'Zero harm, every shift', description: "Operations' safety culture: everyone goes home safe." },
  evidence: { title: 'Decisions backed by evidence', description: 'Numbers first: pilots before programmes.' },
  oneTeam: { title: 'One team across functions', description: 'The transformation only lands if functions stop working in silos.' },
  // Retired after the restructuring; it stays on the soundings that recorded it.
  moveFast: { title: 'Move fast and learn', description: 'The old growth slogan.' },
} as const;
type NarrativeKey = keyof typeof NARRATIVES;
type Reactions = Partial<Record<NarrativeKey, NarrativeReaction['response']>>;

/**
 * How the narratives landed with the top team, in the soundings they already have, matching their words:
 * the CFO wants numbers and heard "grow our own" as an HR slogan until the pilot's retention numbers came in;
 * sales rewards lone wolves; operations lives by zero harm; legal minds the regulatory risk of moving fast.
 * `first` is their first sounding, `latest` their latest (the same one when they were sounded once).
 */
const REACTIONS: Record<string, { first?: Reactions; latest?: Reactions }> = {
  'Helen Achterberg': { first: { customer: 'resonated' }, latest: { customer: 'resonated', ownLeaders: 'resonated' } },
  'Rajiv Menon': { first: { ownLeaders: 'jarred', moveFast: 'jarred' }, latest: { evidence: 'resonated' } },
  'Sofia Lindqvist': { first: { oneTeam: 'resonated' }, latest: { ownLeaders: 'resonated', oneTeam: 'resonated' } },
  'Marcus Doyle': { latest: { customer: 'resonated', oneTeam: 'jarred' } },
  'Aoife Brennan': { first: { zeroHarm: 'resonated' }, latest: { zeroHarm: 'resonated', ownLeaders: 'resonated', oneTeam: 'resonated' } },
  'Daniel Osei': { latest: { ownLeaders: 'resonated', evidence: 'resonated' } },
  'Tomasz Wiśniewski': { latest: { moveFast: 'jarred', evidence: 'resonated' } },
};

/**
 * The organisation's narratives and values, and how each landed in the top team's soundings (through the
 * services, so the audit trail is real). Where the function's listed priorities exist, each top-team
 * member's latest sounding cites them too, as its "priorities it serves" already says in words.
 */
export async function seedNarratives(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const narratives = context.get(NarrativesService);
  const soundings = context.get(SoundingsService);
  const dataSource = context.get(DataSource);
  const narrativeIds = new Map<NarrativeKey, string>();
  for (const [key, input] of Object.entries(NARRATIVES) as [NarrativeKey, (typeof NARRATIVES)[NarrativeKey]][]) {
    narrativeIds.set(key, (await narratives.create(actor, input)).id);
  }
  const reactionsOf = (reactions: Reactions = {}): NarrativeReaction[] =>
    (Object.entries(reactions) as [NarrativeKey, NarrativeReaction['response']][]).map(([key, response]) => ({ narrativeId: narrativeIds.get(key)!, response }));

  for (const [name, { first, latest }] of Object.entries(REACTIONS)) {
    const rows: { id: string; version: number; business_function: string | null }[] = await dataSource.query(
      `SELECT so.id, so.version, s.business_function FROM soundings so JOIN stakeholders s ON s.id = so.stakeholder_id
        WHERE so.stakeholder_id = $1 ORDER BY so.held_on, so.created_at`,
      [id(name)],
    );
    if (rows.length === 0) continue;
    const [oldest, newest] = [rows[0], rows[rows.length - 1]];
    const priorities: { id: string }[] = await dataSource.query(
      `SELECT id FROM priorities WHERE lower(business_function) = lower($1) ORDER BY lower(title) LIMIT 2`,
      [newest.business_function ?? ''],
    );
    if (oldest.id !== newest.id && first) await soundings.update(actor, oldest.id, oldest.version, { narratives: reactionsOf(first) });
    const onLatest = oldest.id === newest.id ? { ...first, ...latest } : latest;
    await soundings.update(actor, newest.id, newest.version, {
      narratives: reactionsOf(onLatest),
      ...(priorities.length > 0 ? { priorityIds: priorities.map((priority) => priority.id) } : {}),
    });
  }

  const retired = await narratives.get(narrativeIds.get('moveFast')!);
  await narratives.update(actor, retired.id, retired.version, { archived: true });
  return narrativeIds.size;
}
