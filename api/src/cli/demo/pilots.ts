import type { INestApplicationContext } from '@nestjs/common';
import type { Actor } from '../../auth/actor';
import { PilotsService } from '../../pilots/pilots.service';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Pilots as proof, in the people's own words: Aoife's night-shift cohort (the operations pilot Kwame speaks
 * for), whose latest result Helen has heard and Rajiv, who asked for the retention numbers, has not; Sofia's
 * engineering cohort from the cloud migration, done; and the Sales pilot Femi wants to put to Marcus, proposed.
 */
export async function seedPilots(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const pilots = context.get(PilotsService);

  const operations = await pilots.create(actor, {
    name: 'Night-shift coaching cohort',
    sponsorId: id('Aoife Brennan'),
    businessFunction: 'Operations',
    scope:
      'Twelve new shift leads on the night shift, each with a trained coach for six months. Measures first-year retention, ' +
      'safety near-miss reporting and how often shift leads raise a problem before it escalates.',
    startOn: daysAgo(80),
    endOn: daysAgo(-100),
    status: 'running',
    askedBy: [id('Helen Achterberg'), id('Rajiv Menon')],
  });
  await pilots.addProofPoint(actor, operations.id, {
    observedOn: daysAgo(75),
    result: 'Baseline: 14% of new shift leads left within their first year (last year\'s intake).',
    value: 14,
    unit: '%',
  });
  const quarter = await pilots.addProofPoint(actor, operations.id, {
    observedOn: daysAgo(30),
    result: 'First quarter: one of the twelve shift leads left, against four of the previous intake by the same point.',
    value: 1,
    unit: 'leaver',
  });
  await pilots.addProofPoint(actor, operations.id, {
    observedOn: daysAgo(6),
    result: 'Near-miss reports on the night shift up by a third since the cohort started: shift leads speak up earlier.',
    value: 33,
    unit: '%',
  });
  // Rajiv heard the first-quarter numbers from Grace's briefing; the near-miss result has not reached him yet.
  await pilots.tell(actor, operations.id, { stakeholderId: id('Rajiv Menon'), proofPointId: quarter.id, toldOn: daysAgo(20) });
  await pilots.tell(actor, operations.id, { stakeholderId: id('Helen Achterberg'), toldOn: daysAgo(3) });

  const engineering = await pilots.create(actor, {
    name: 'Engineering coaching through the cloud migration',
    sponsorId: id('Sofia Lindqvist'),
    businessFunction: 'IT',
    scope: 'Two engineering teams coached weekly by their managers, Ines Costa\'s among them, for the length of the migration.',
    startOn: daysAgo(150),
    endOn: daysAgo(40),
    status: 'done',
    askedBy: [id('Chloé Dubois')],
  });
  await pilots.addProofPoint(actor, engineering.id, {
    observedOn: daysAgo(40),
    result: 'Migration finished on plan; nobody left either team, and incidents after release fell from nine to four a month.',
    value: 4,
    unit: 'incidents a month',
  });
  await pilots.tell(actor, engineering.id, { stakeholderId: id('Chloé Dubois'), toldOn: daysAgo(35) });

  await pilots.create(actor, {
    name: 'Faster ramp-up for new account managers',
    sponsorId: null,
    businessFunction: 'Sales',
    scope: 'New account managers paired with a coach for their first 90 days; measured by time to first signed renewal.',
    status: 'proposed',
    askedBy: [id('Marcus Doyle')],
  });
  return 3;
}
