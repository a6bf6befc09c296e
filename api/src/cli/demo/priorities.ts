import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BriefingsService } from '../../briefings/briefings.service';
import { PrioritiesService } from '../../priorities/priorities.service';

/** Who owns it: a person by name, or the first person holding a title (senior leaders are generated). */
type Owner = { name: string } | { title: string };

interface PrioritySpec {
  businessFunction: string;
  title: string;
  owner: Owner;
  coachingLink: string;
}

// Each function's priorities in its leaders' own words, as their soundings and briefs already put them.
const PRIORITIES: PrioritySpec[] = [
  { businessFunction: 'Executive', title: 'Keep our customers: the NPS target', owner: { name: 'Helen Achterberg' },
    coachingLink: 'Managers who coach their teams hold on to the people customers know; churn follows staff turnover.' },
  { businessFunction: 'Finance', title: 'Cut the cost to serve by 8% this year', owner: { name: 'Rajiv Menon' },
    coachingLink: 'Coached managers find waste in their own processes instead of escalating it to Finance.' },
  { businessFunction: 'Finance', title: 'Keep our FP&A analysts', owner: { name: 'Grace Mensah' },
    coachingLink: 'Rehiring an analyst costs six months; analysts with a coach stay, and the retention numbers by cost centre show it.' },
  { businessFunction: 'Finance', title: 'A forecast the board can trust', owner: { title: 'Head of Financial Planning' },
    coachingLink: 'Cost-centre owners who are coached own their numbers rather than waiting for Finance to chase them.' },
  { businessFunction: 'IT', title: 'Finish the cloud migration on time', owner: { name: 'Sofia Lindqvist' },
    coachingLink: 'Engineering leads who coach unblock their own teams; the migration stops waiting on a few seniors.' },
  { businessFunction: 'IT', title: 'Keep our engineers', owner: { title: 'Head of Digital Delivery' },
    coachingLink: 'Engineers leave managers, not companies: coaching is what the teams that stayed had in common.' },
  { businessFunction: 'Sales', title: 'Grow the enterprise segment', owner: { name: 'Marcus Doyle' },
    coachingLink: 'Account teams coached on the customer\'s problem win larger deals than those pushed on the quarter.' },
  { businessFunction: 'Sales', title: 'New account managers productive in 90 days', owner: { name: 'Femi Okonkwo' },
    coachingLink: 'A coach for every new account manager halves the ramp-up his quarterly target depends on.' },
  { businessFunction: 'Operations', title: 'Zero harm on every shift', owner: { name: 'Kwame Haddad' },
    coachingLink: 'Shift leads who are coached speak up about near misses; the night shift pilot showed it.' },
  { businessFunction: 'Operations', title: 'On-time delivery back above 95%', owner: { name: 'Aoife Brennan' },
    coachingLink: 'Supervisors who coach solve problems on the line instead of queuing them for the morning meeting.' },
  { businessFunction: 'HR', title: 'Build the leadership bench', owner: { name: 'Daniel Osei' },
    coachingLink: 'Every leader coaching one successor is the bench; HR coaches the leaders to do it.' },
  { businessFunction: 'HR', title: 'Managers who develop their people', owner: { title: 'Head of Talent and Learning' },
    coachingLink: 'Mentoring pairs across functions, owned by the line, not a course run by HR.' },
  { businessFunction: 'Strategy', title: 'Deliver the three-year plan', owner: { name: 'Chloé Dubois' },
    coachingLink: 'The plan depends on leaders who grow the next layer; coaching is how that layer is built.' },
  { businessFunction: 'Legal', title: 'Keep regulatory risk low while the business changes', owner: { name: 'Tomasz Wiśniewski' },
    coachingLink: 'Managers who coach raise compliance questions early, before they reach Legal as disputes.' },
];

// The briefings that tie their case to a priority of the audience's function: every one in the plan does.
const NAMED_IN_BRIEFINGS: [briefer: string, audience: string, priorityTitle: string][] = [
  ['Ines Costa', 'Sofia Lindqvist', 'Finish the cloud migration on time'],
  ['Grace Mensah', 'Rajiv Menon', 'Keep our FP&A analysts'],
  ['Kwame Haddad', 'Helen Achterberg', 'Keep our customers: the NPS target'],
  ['Grace Mensah', 'Tomasz Wiśniewski', 'Keep regulatory risk low while the business changes'],
  ['Femi Okonkwo', 'Marcus Doyle', 'New account managers productive in 90 days'],
  ['Kwame Haddad', 'Aoife Brennan', 'Zero harm on every shift'],
  ['Ines Costa', 'Chloé Dubois', 'Deliver the three-year plan'],
  ['Liam Murphy', 'Daniel Osei', 'Build the leadership bench'],
];

/** The demo organisation's business priorities, owned by its leaders, and named on some of the briefings. */
export async function seedPriorities(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const dataSource = context.get(DataSource);
  const priorities = context.get(PrioritiesService);
  const briefings = context.get(BriefingsService);

  const ownerId = async (owner: Owner): Promise<string> => {
    if ('name' in owner) return id(owner.name);
    const [row] = await dataSource.query(`SELECT id FROM stakeholders WHERE title = $1 ORDER BY created_at, id LIMIT 1`, [owner.title]);
    return row.id;
  };
  const byTitle = new Map<string, string>();
  for (const spec of PRIORITIES) {
    const created = await priorities.create(actor, {
      businessFunction: spec.businessFunction,
      title: spec.title,
      ownerId: await ownerId(spec.owner),
      coachingLink: spec.coachingLink,
    });
    byTitle.set(spec.title, created.id);
  }

  for (const [briefer, audience, priorityTitle] of NAMED_IN_BRIEFINGS) {
    const [briefing] = await dataSource.query(`SELECT id, version FROM briefings WHERE briefer_id = $1 AND audience_id = $2`, [id(briefer), id(audience)]);
    await briefings.update(actor, briefing.id, briefing.version, { priorityIds: [byTitle.get(priorityTitle)!] });
  }
  return PRIORITIES.length;
}
