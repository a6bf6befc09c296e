import type { INestApplicationContext } from '@nestjs/common';
import type { InitiativeKind } from '@soundings/shared';
import type { Actor } from '../../auth/actor';
import { InitiativesService } from '../../initiatives/initiatives.service';

/** `days` from today (negative: past), as YYYY-MM-DD. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

interface InitiativeSpec {
  days: number;
  kind: InitiativeKind;
  title: string;
  /** A leader by name; null when HR runs it. */
  owner: string | null;
  involved: string[];
  description: string;
}

/**
 * The rolling programme of a campaign three months in: eight initiatives, five owned by leaders (the top team
 * and the champions) and three run by HR, three of them still to come. They follow the people's own story: the
 * IT and Operations pilots shown by the leaders who ran them, the retention numbers Rajiv asked for, Femi's
 * ramp-up case for Sales, and Helen hosting the breakfast before the offsite. Chloé (sounded once) and Tomasz
 * (wary of HR) are left out.
 */
const PROGRAMME: InitiativeSpec[] = [
  {
    days: -82,
    kind: 'update',
    title: 'Why coaching and mentoring: note to the top team',
    owner: null,
    involved: ['Helen Achterberg', 'Daniel Osei'],
    description: 'A one-page note from HR on the case for a coaching culture and the one-to-one conversations ahead.',
  },
  {
    days: -60,
    kind: 'showcase',
    title: 'IT engineering coaching showcase',
    owner: 'Sofia Lindqvist',
    involved: ['Ines Costa', 'Aoife Brennan'],
    description: 'Ines\'s engineering team on what coaching changed during the cloud migration; Sofia hosts.',
  },
  {
    days: -44,
    kind: 'event',
    title: 'Operations pilot: first results on the shop floor',
    owner: 'Aoife Brennan',
    involved: ['Kwame Haddad', 'Helen Achterberg'],
    description: 'A walk through the night shift with the shift leads who joined the pilot.',
  },
  {
    days: -30,
    kind: 'workshop',
    title: 'Coaching circles open to every manager',
    owner: null,
    involved: ['Femi Okonkwo', 'Liam Murphy', 'Grace Mensah'],
    description: 'HR runs the first session of the peer coaching circles; champions bring a colleague.',
  },
  {
    days: -12,
    kind: 'update',
    title: 'Retention in Finance, by cost centre',
    owner: 'Grace Mensah',
    involved: ['Rajiv Menon'],
    description: 'The retention numbers Rajiv asked for after his briefing, with the cost of rehiring analysts.',
  },
  {
    days: 8,
    kind: 'showcase',
    title: 'Sales ramp-up: what a pilot would show',
    owner: 'Femi Okonkwo',
    involved: ['Marcus Doyle'],
    description: 'How fast new account managers reach quota with a coach, told with the quarter\'s numbers.',
  },
  {
    days: 20,
    kind: 'event',
    title: 'Leadership breakfast: what the pilots showed',
    owner: 'Helen Achterberg',
    involved: ['Aoife Brennan', 'Sofia Lindqvist', 'Kwame Haddad', 'Ines Costa'],
    description: 'Helen hosts the leaders who ran the pilots, ahead of the offsite.',
  },
  {
    days: 34,
    kind: 'update',
    title: 'Quarterly programme update',
    owner: null,
    involved: ['Daniel Osei', 'Rajiv Menon', 'Sofia Lindqvist'],
    description: 'What happened this quarter and who owns the next steps.',
  },
];

/** The rolling programme, written through the service so the audit trail and everyone's last contact are real. */
export async function seedInitiatives(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const initiatives = context.get(InitiativesService);
  for (const spec of PROGRAMME) {
    await initiatives.create(actor, {
      title: spec.title,
      kind: spec.kind,
      heldOn: dayFromNow(spec.days),
      ownerId: spec.owner ? id(spec.owner) : null,
      description: spec.description,
      involvedIds: spec.involved.map(id),
    });
  }
  return PROGRAMME.length;
}
