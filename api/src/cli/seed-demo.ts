import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { CommitmentLevel, FearCategory, StakeholderRole } from '@soundings/shared';
import { AppModule } from '../app.module';
import type { Actor } from '../auth/actor';
import { CommitmentService } from '../commitment/commitment.service';
import { readAppConfig } from '../config/app-config';
import { resolveAuditKey } from '../audit/audit-key';
import { prepareDatabase } from '../database/prepare-database';
import { FearsService } from '../fears/fears.service';
import { SoundingsService } from '../soundings/soundings.service';
import { StakeholdersService } from '../stakeholders/stakeholders.service';

/** Same organisation on every run: a seeded generator instead of Math.random. */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const random = generator(20261126);

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

interface Person {
  name: string;
  title: string;
  businessFunction: string;
  role: StakeholderRole;
  potentialChampion?: boolean;
  influence: number;
  requiredCommitment: CommitmentLevel;
  timingNotes?: string;
  /** The path their soundings will follow, oldest first; empty: never sounded. */
  path: CommitmentLevel[];
}

const TOP_TEAM: Person[] = [
  { name: 'Helen Achterberg', title: 'Chief Executive Officer', businessFunction: 'Executive', role: 'top_team', influence: 5, requiredCommitment: 'public_champion', timingNotes: 'Most open after the quarterly results; avoid board weeks.', path: ['sounded', 'open', 'supportive'] },
  { name: 'Rajiv Menon', title: 'Chief Financial Officer', businessFunction: 'Finance', role: 'top_team', influence: 5, requiredCommitment: 'committed', timingNotes: 'Not during the budget round (Sept–Oct). Wants numbers first.', path: ['sounded', 'resistant', 'open'] },
  { name: 'Sofia Lindqvist', title: 'Chief Information Officer', businessFunction: 'IT', role: 'top_team', influence: 4, requiredCommitment: 'committed', path: ['open', 'supportive', 'committed'] },
  { name: 'Marcus Doyle', title: 'Sales Director', businessFunction: 'Sales', role: 'top_team', influence: 4, requiredCommitment: 'committed', timingNotes: 'Friday mornings, once the week\'s numbers are in.', path: ['sounded'] },
  { name: 'Aoife Brennan', title: 'Operations Director', businessFunction: 'Operations', role: 'top_team', influence: 4, requiredCommitment: 'public_champion', path: ['open', 'supportive', 'committed'] },
  { name: 'Daniel Osei', title: 'HR Director', businessFunction: 'HR', role: 'top_team', influence: 4, requiredCommitment: 'public_champion', path: ['supportive', 'committed'] },
  { name: 'Chloé Dubois', title: 'Chief Strategy Officer', businessFunction: 'Strategy', role: 'top_team', influence: 3, requiredCommitment: 'supportive', path: [] },
  { name: 'Tomasz Wiśniewski', title: 'General Counsel', businessFunction: 'Legal', role: 'top_team', influence: 3, requiredCommitment: 'supportive', path: ['resistant'] },
];

const FUNCTIONS: Record<string, { senior: string[]; managers: string[] }> = {
  Finance: { senior: ['Head of Financial Planning', 'Financial Controller'], managers: ['Accounts Payable Manager', 'Treasury Manager', 'FP&A Team Lead'] },
  IT: { senior: ['Head of Infrastructure', 'Head of Digital Delivery'], managers: ['Service Desk Manager', 'Engineering Manager', 'Data Platform Lead'] },
  Sales: { senior: ['Head of Enterprise Sales', 'Head of Channel Partners'], managers: ['Regional Sales Manager (North)', 'Key Account Manager', 'Inside Sales Team Lead'] },
  Operations: { senior: ['Head of Supply Chain', 'Plant Manager, Leeds'], managers: ['Shift Manager', 'Logistics Manager', 'Quality Lead', 'Customer Operations Manager'] },
  HR: { senior: ['Head of Talent and Learning'], managers: ['HR Business Partner', 'Learning and Development Lead', 'Reward Manager'] },
};

const FIRST = ['Amira', 'Ben', 'Carla', 'Dev', 'Elena', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kasia', 'Liam', 'Maya', 'Nikhil', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tariq', 'Ula', 'Víctor', 'Wen', 'Yusuf', 'Zara', 'Björn', 'Priya', 'Seán', 'Mei', 'Kwame'];
const LAST = ['Patel', 'Nowak', 'García', 'Okonkwo', 'Fischer', 'Nakamura', 'O\'Neill', 'Haddad', 'Johansson', 'Costa', 'Kowalski', 'Mensah', 'Rossi', 'Murphy', 'Çelik', 'Chen', 'Dubois', 'Van der Berg', 'Singh', 'Moreau'];

const PATHS: CommitmentLevel[][] = [
  [],
  [],
  ['sounded'],
  ['sounded', 'open'],
  ['open'],
  ['open', 'supportive'],
  ['sounded', 'open', 'supportive'],
  ['supportive', 'committed'],
  ['open', 'supportive', 'committed'],
  ['supportive', 'committed', 'public_champion'],
  ['sounded', 'resistant'],
  ['open', 'resistant', 'open'],
];

const FEARS: Record<FearCategory, string[]> = {
  time_and_workload: ['"I barely have time for my one-to-ones as it is."', 'Another initiative on top of the transformation programme will sink my team.', '"Coaching sounds like an hour a week per person I don\'t have."'],
  personal_exposure: ['"If I coach in front of my team and get it wrong, I lose their respect."', 'Worried that being coached will look like remedial help to the board.', '"I\'m not sure I want my own blind spots discussed."'],
  loss_of_control: ['"If my managers coach instead of direct, how do I know the numbers will land?"', 'Fears that empowering teams means decisions drift away from her.'],
  doubt_about_value: ['"We did a coaching course in 2019 and nothing changed."', '"Show me the link to margin and I\'ll listen."', 'Sees it as an HR programme, not a business lever.'],
  cost_and_budget: ['"Who pays for the external coaches? Not my cost centre."', 'Worried about the cost of backfilling managers while they train.'],
  culture_fit: ['"Our sales culture rewards lone wolves; coaching won\'t stick."', '"Engineers want answers, not questions."'],
  other: ['Concerned the works council will see it as performance management by the back door.'],
};

const SUMMARIES = [
  'Listened carefully, asked how it links to the three-year plan. Wants to see the pilot results before saying more.',
  'Open about the pressure the team is under; sees coaching as a way to keep good people. Asked who else is involved.',
  'Sceptical at first, warmed up when we talked about succession gaps in the function.',
  'Very positive. Offered to talk to peers and to host a pilot in the team.',
  'Short conversation between meetings; agreed in principle, wants a one-page brief.',
  'Challenged the business case hard; agreed to keep an open mind if the pilot shows retention effects.',
  'Told a strong story about the manager who shaped her early career; connected it to the graduate scheme.',
];
const EXPERIENCES = [
  'A finance director who let him run the year-end close at 28 and debriefed every week.',
  'Her first plant manager, who asked questions instead of giving answers; still calls him.',
  'A mentor from another company, met through an industry body, who helped him through a failed launch.',
  'Says he never had one and wishes he had; it shaped how he runs his own team.',
];
const BENEFITS = ['Retention of high performers; fewer escalations to her desk.', 'Faster ramp-up of new account managers.', 'A bench for succession in a thin function.', 'Sees a personal benefit: more time for strategy if managers grow.'];
const COSTS = ['Time: estimates two hours a week for the first quarter.', 'Would have to change how he runs the Monday meeting; not sure he can role-model it yet.', 'Reputation risk if the pilot flops in his area.', 'Little personal cost; already coaches informally.'];
const PRIORITIES = ['Customer retention and the NPS target.', 'Cost-to-serve reduction programme.', 'The cloud migration and keeping engineers.', 'Safety culture and the zero-harm narrative.', 'Growth in the enterprise segment.'];
const NEXT_STEPS = ['Send the one-page brief and the pilot outline.', 'Introduce to Aoife to hear how operations ran the pilot.', 'Follow up after the budget round with the retention numbers.', 'Ask to host a pilot cohort in the team.', 'Invite to the champions\' breakfast.'];
const CONDUCTORS = ['Daniel Osei', 'Nadia Karim (HR)', 'Aoife Brennan'];

async function seed(): Promise<void> {
  const config = readAppConfig();
  const { key } = resolveAuditKey({ dataDir: config.dataDir });
  const { appUrl, embedded } = await prepareDatabase(config, (line) => console.log(line));
  const context = await NestFactory.createApplicationContext(AppModule.forDatabase(appUrl, undefined, key), { logger: ['error'] });
  try {
    const [{ count }] = await context.get(DataSource).query('SELECT count(*) FROM stakeholders');
    if (count > 0) {
      console.log(`The database already holds ${count} stakeholders; the demo organisation is only loaded into an empty one.`);
      return;
    }
    // Demo notes need an author; this account has no password and is inactive, so nobody can sign in as it.
    const dataSource = context.get(DataSource);
    const [{ id: authorId }] = await dataSource.query(
      `INSERT INTO users (email, display_name, role, active) VALUES ('demo-data@soundings.invalid', 'Demo data', 'practitioner', false)
       ON CONFLICT (lower(email)) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
    );
    const actor: Actor = {
      user: { id: authorId, email: 'demo-data@soundings.invalid', role: 'practitioner' },
      via: 'token',
      requestId: 'seed-demo',
      clientAddress: 'local',
    };
    const stakeholders = context.get(StakeholdersService);
    const soundings = context.get(SoundingsService);
    const commitment = context.get(CommitmentService);
    const fears = context.get(FearsService);

    const people: Person[] = [...TOP_TEAM];
    const usedNames = new Set(people.map((p) => p.name));
    for (const [businessFunction, { senior, managers }] of Object.entries(FUNCTIONS)) {
      for (const title of [...senior, ...managers, ...managers.slice(0, 3)]) {
        let name: string;
        do name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
        while (usedNames.has(name));
        usedNames.add(name);
        const isManager = !senior.includes(title);
        people.push({
          name,
          title,
          businessFunction,
          role: isManager ? 'line_manager' : 'senior_leader',
          potentialChampion: isManager && random.chance(0.45),
          influence: isManager ? random.int(1, 4) : random.int(3, 5),
          requiredCommitment: isManager ? 'supportive' : 'committed',
          path: random.pick(PATHS),
        });
      }
    }

    const ids = new Map<string, string>();
    const topTeamMemberOf = new Map<string, string>();
    const seniorLeaderOf = new Map<string, string>();
    for (const person of people) {
      const chiefExecutive = ids.get('Helen Achterberg');
      const reportsToId =
        person.role === 'top_team'
          ? chiefExecutive
          : person.role === 'senior_leader'
            ? (topTeamMemberOf.get(person.businessFunction) ?? chiefExecutive)
            : (seniorLeaderOf.get(person.businessFunction) ?? topTeamMemberOf.get(person.businessFunction));
      const created = await stakeholders.create(actor, {
        name: person.name,
        title: person.title,
        email: `${person.name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@northwind.example`,
        businessFunction: person.businessFunction,
        role: person.role,
        potentialChampion: person.potentialChampion ?? false,
        influence: person.influence,
        reportsToId,
        requiredCommitment: person.requiredCommitment,
        timingNotes: person.timingNotes,
      });
      ids.set(person.name, created.id);
      if (person.role === 'top_team') topTeamMemberOf.set(person.businessFunction, created.id);
      if (person.role === 'senior_leader' && !seniorLeaderOf.has(person.businessFunction)) seniorLeaderOf.set(person.businessFunction, created.id);

      // Soundings spread over the last three months, oldest first.
      let day = random.int(70, 95);
      for (const [index, level] of person.path.entries()) {
        const isLatest = index === person.path.length - 1;
        const fearCategories = random.chance(index === 0 ? 0.8 : 0.35) ? [random.pick(Object.keys(FEARS) as FearCategory[])] : [];
        if (index === 0 && random.chance(0.4)) fearCategories.push(random.pick(Object.keys(FEARS) as FearCategory[]));
        const heldOn = daysAgo(day);
        const followUpIn = random.int(7, 30);
        const sounding = await soundings.log(actor, created.id, {
          heldOn,
          channel: random.pick(['in_person', 'in_person', 'video', 'phone'] as const),
          conductedBy: random.pick(CONDUCTORS),
          summary: random.pick(SUMMARIES),
          developmentalExperience: index === 0 ? random.pick(EXPERIENCES) : undefined,
          benefitsSeen: random.pick(BENEFITS),
          personalCost: random.chance(0.7) ? random.pick(COSTS) : undefined,
          prioritiesServed: random.pick(PRIORITIES),
          commitmentAfter: level as Exclude<CommitmentLevel, 'not_sounded'>,
          nextStep: random.pick(NEXT_STEPS),
          followUpOn: isLatest || random.chance(0.5) ? daysAgo(day - followUpIn) : undefined,
          fears: fearCategories.map((category) => ({ category, statement: random.pick(FEARS[category]) })),
        });
        // Earlier fears tend to have been answered by the time of later conversations.
        if (!isLatest) {
          for (const fear of sounding.fears) {
            if (random.chance(0.6)) {
              await fears.update(actor, fear.id, fear.version, {
                status: 'resolved',
                response: 'Shared the pilot data and introduced them to a peer who had the same worry.',
                owner: 'Daniel Osei',
                resolvedOn: daysAgo(Math.max(0, day - random.int(3, 10))),
              });
            } else if (random.chance(0.5)) {
              await fears.update(actor, fear.id, fear.version, { status: 'addressing', response: 'Booked a follow-up with the L&D lead.', owner: 'Nadia Karim' });
            }
          }
        }
        day -= random.int(12, 30);
        if (day < 1) day = 1;
      }
    }

    await commitment.recordChange(actor, ids.get('Aoife Brennan')!, {
      level: 'public_champion',
      on: daysAgo(6),
      reason: 'Spoke for the coaching strategy unprompted at the operations review, in front of the whole top team.',
    });
    console.log(`Loaded the demo organisation: ${people.length} stakeholders (top team of ${TOP_TEAM.length}) with three months of soundings.`);
  } finally {
    await context.close();
    await embedded?.stop();
  }
}

seed().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
