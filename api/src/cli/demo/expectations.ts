import type { INestApplicationContext } from '@nestjs/common';
import type { ExpectationStatus } from '@soundings/shared';
import type { Actor } from '../../auth/actor';
import { ExpectationsService } from '../../expectations/expectations.service';

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

interface DemoExpectation {
  who: string;
  toldBy: string;
  daysBack: number;
  expectation: string;
  realistic: boolean;
  status: ExpectationStatus;
  note?: string;
}

/**
 * What the leaders were told to expect, by the champions and the HR director who told them, consistent with
 * what they said in their soundings: Rajiv wants numbers first (and was promised too much of them), Marcus was
 * promised a Sales pilot nobody has budgeted, Tomasz was reassured about the works council's worry. Both of
 * those first two attend the top-team offsite, where meeting readiness flags them.
 */
export async function seedExpectations(context: INestApplicationContext, actor: Actor, id: (name: string) => string): Promise<number> {
  const expectations = context.get(ExpectationsService);
  const register: DemoExpectation[] = [
    {
      who: 'Rajiv Menon',
      toldBy: 'Grace Mensah',
      daysBack: 20,
      expectation: 'Retention numbers by cost centre, and a pilot that pays for itself within this budget year.',
      realistic: false,
      status: 'open',
      note: 'The retention effect takes a year to show in the numbers. Reset this with him before the offsite.',
    },
    {
      who: 'Marcus Doyle',
      toldBy: 'Daniel Osei',
      daysBack: 30,
      expectation: 'A Sales pilot cohort starting next quarter, with coaches who know enterprise sales.',
      realistic: true,
      status: 'at_risk',
      note: 'No budget agreed for external coaches yet, and Rajiv has not seen the case.',
    },
    {
      who: 'Helen Achterberg',
      toldBy: 'Daniel Osei',
      daysBack: 40,
      expectation: 'A one-page update on the pilots after each quarter\'s results.',
      realistic: true,
      status: 'open',
    },
    {
      who: 'Sofia Lindqvist',
      toldBy: 'Ines Costa',
      daysBack: 25,
      expectation: 'Two engineering teams in the second cohort.',
      realistic: true,
      status: 'met',
      note: 'Both teams start with the second cohort.',
    },
    {
      who: 'Tomasz Wiśniewski',
      toldBy: 'Grace Mensah',
      daysBack: 15,
      expectation: 'Coaching conversations will never be used in performance reviews.',
      realistic: true,
      status: 'open',
      note: 'His worry is the works council reading it as performance management by the back door.',
    },
    {
      who: 'Aoife Brennan',
      toldBy: 'Kwame Haddad',
      daysBack: 50,
      expectation: 'External coaches for every shift lead by the summer.',
      realistic: false,
      status: 'withdrawn',
      note: 'Replaced by peer coaching among the shift leads; Kwame told her on the shop floor.',
    },
  ];
  for (const entry of register) {
    await expectations.create(actor, {
      stakeholderId: id(entry.who),
      expectation: entry.expectation,
      toldOn: daysAgo(entry.daysBack),
      toldByStakeholderId: id(entry.toldBy),
      realistic: entry.realistic,
      status: entry.status,
      note: entry.note ?? null,
    });
  }
  return register.length;
}
