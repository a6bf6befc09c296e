import type { INestApplicationContext } from '@nestjs/common';
import type { Cadence } from '@soundings/shared';
import type { Actor } from '../../auth/actor';
import { StakeholdersService } from '../../stakeholders/stakeholders.service';

/**
 * Two leaders with a cadence of their own, in keeping with how they asked to be approached; everyone else follows
 * their role's (the top team every 21 days at best, 45 at most). The time zone stays UTC.
 */
const OWN_CADENCE: [name: string, cadence: Cadence][] = [
  // "Friday mornings, once the week's numbers are in": a weekly rhythm, and still only sounded.
  ['Marcus Doyle', { idealDays: 14, maxDays: 30 }],
  // "Most open after the quarterly results; avoid board weeks": less often, at the right moment.
  ['Helen Achterberg', { idealDays: 30, maxDays: 60 }],
];

export async function seedCadence(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const stakeholders = context.get(StakeholdersService);
  for (const [name, cadence] of OWN_CADENCE) {
    const person = await stakeholders.get(id(name));
    await stakeholders.update(actor, person.id, person.version, { cadence });
  }
  return OWN_CADENCE.length;
}
