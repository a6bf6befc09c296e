import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ChampionTest, CommitmentLevel, FearCategory, InfluenceKind, InfluenceStrength, RelationshipQuality, StakeholderRole } from '@soundings/shared';
import { AppModule } from '../app.module';
import { seedCadence } from './demo/cadence';
import { seedPilots } from './demo/pilots';
import type { Actor } from '../auth/actor';
import { CommitmentService } from '../commitment/commitment.service';
import { readAppConfig } from '../config/app-config';
import { resolveAuditKey } from '../audit/audit-key';
import { prepareDatabase } from '../database/prepare-database';
import { BriefingsService } from '../briefings/briefings.service';
import { FearsService } from '../fears/fears.service';
import { InfluencesService } from '../influence/influences.service';
import { MeetingsService } from '../meetings/meetings.service';
import { seedInitiatives } from './demo/initiatives';
import { SoundingsService } from '../soundings/soundings.service';
import { StakeholdersService } from '../stakeholders/stakeholders.service';
import { fromQuarterEnd, seedTiming } from './demo/timing';
import { seedNarratives } from './demo/narratives';
import { seedExpectations } from './demo/expectations';
import { seedPriorities } from './demo/priorities';

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

type Pronoun = 'she' | 'he';

interface Person {
  name: string;
  pronoun: Pronoun;
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
  { name: 'Helen Achterberg', pronoun: 'she', title: 'Chief Executive Officer', businessFunction: 'Executive', role: 'top_team', influence: 5, requiredCommitment: 'public_champion', timingNotes: 'Most open after the quarterly results; avoid board weeks.', path: ['sounded', 'open', 'supportive'] },
  { name: 'Rajiv Menon', pronoun: 'he', title: 'Chief Financial Officer', businessFunction: 'Finance', role: 'top_team', influence: 5, requiredCommitment: 'committed', timingNotes: 'Not during the budget round (Sept–Oct). Wants numbers first.', path: ['sounded', 'resistant', 'open'] },
  { name: 'Sofia Lindqvist', pronoun: 'she', title: 'Chief Information Officer', businessFunction: 'IT', role: 'top_team', influence: 4, requiredCommitment: 'committed', path: ['open', 'supportive', 'committed'] },
  { name: 'Marcus Doyle', pronoun: 'he', title: 'Sales Director', businessFunction: 'Sales', role: 'top_team', influence: 4, requiredCommitment: 'committed', timingNotes: 'Friday mornings, once the week\'s numbers are in.', path: ['sounded'] },
  { name: 'Aoife Brennan', pronoun: 'she', title: 'Operations Director', businessFunction: 'Operations', role: 'top_team', influence: 4, requiredCommitment: 'public_champion', path: ['open', 'supportive', 'committed'] },
  { name: 'Daniel Osei', pronoun: 'he', title: 'HR Director', businessFunction: 'HR', role: 'top_team', influence: 4, requiredCommitment: 'public_champion', path: ['supportive', 'committed'] },
  { name: 'Chloé Dubois', pronoun: 'she', title: 'Chief Strategy Officer', businessFunction: 'Strategy', role: 'top_team', influence: 3, requiredCommitment: 'supportive', path: ['sounded'] },
  { name: 'Tomasz Wiśniewski', pronoun: 'he', title: 'General Counsel', businessFunction: 'Legal', role: 'top_team', influence: 3, requiredCommitment: 'supportive', path: ['resistant'] },
];

const FUNCTIONS: Record<string, { senior: string[]; managers: string[] }> = {
  Finance: { senior: ['Head of Financial Planning', 'Financial Controller'], managers: ['Accounts Payable Manager', 'Treasury Manager', 'FP&A Team Lead'] },
  IT: { senior: ['Head of Infrastructure', 'Head of Digital Delivery'], managers: ['Service Desk Manager', 'Engineering Manager', 'Data Platform Lead'] },
  Sales: { senior: ['Head of Enterprise Sales', 'Head of Channel Partners'], managers: ['Regional Sales Manager (North)', 'Key Account Manager', 'Inside Sales Team Lead'] },
  Operations: { senior: ['Head of Supply Chain', 'Plant Manager, Leeds'], managers: ['Shift Manager', 'Logistics Manager', 'Quality Lead', 'Customer Operations Manager'] },
  HR: { senior: ['Head of Talent and Learning'], managers: ['HR Business Partner', 'Learning and Development Lead', 'Reward Manager'] },
};

/**
 * The potential champions, by the first post of that title: three who qualify (people look to them, they
 * made the case without HR, they named what is in it for them), one who is close (no advocacy yet) and one
 * useful coach (committed and clear about the benefit, but nobody looks to him).
 */
const CHAMPIONS: Record<string, Omit<Person, 'title' | 'businessFunction' | 'role' | 'requiredCommitment'>> = {
  'FP&A Team Lead': { name: 'Grace Mensah', pronoun: 'she', potentialChampion: true, influence: 3, path: ['open', 'supportive', 'committed'] },
  'Engineering Manager': { name: 'Ines Costa', pronoun: 'she', potentialChampion: true, influence: 3, path: ['open', 'supportive', 'committed'] },
  'Shift Manager': { name: 'Kwame Haddad', pronoun: 'he', potentialChampion: true, influence: 3, path: ['supportive', 'committed'] },
  'Key Account Manager': { name: 'Femi Okonkwo', pronoun: 'he', potentialChampion: true, influence: 3, path: ['sounded', 'open', 'supportive', 'committed'] },
  'Inside Sales Team Lead': { name: 'Liam Murphy', pronoun: 'he', potentialChampion: true, influence: 2, path: ['open', 'supportive', 'committed'] },
};

const FIRST: [string, Pronoun][] = [
  ['Amira', 'she'], ['Ben', 'he'], ['Carla', 'she'], ['Dev', 'he'], ['Elena', 'she'], ['Grace', 'she'], ['Hiro', 'he'], ['Ines', 'she'],
  ['Jonas', 'he'], ['Kasia', 'she'], ['Liam', 'he'], ['Maya', 'she'], ['Nikhil', 'he'], ['Olga', 'she'], ['Pedro', 'he'], ['Rosa', 'she'],
  ['Sami', 'he'], ['Tariq', 'he'], ['Ula', 'she'], ['Víctor', 'he'], ['Wen', 'she'], ['Yusuf', 'he'], ['Zara', 'she'], ['Björn', 'he'],
  ['Priya', 'she'], ['Seán', 'he'], ['Mei', 'she'], ['Kwame', 'he'],
];
// A champion's first name is theirs alone, so "Grace" on a page means Grace Mensah.
const RANDOM_FIRST = FIRST.filter(([first]) => !Object.values(CHAMPIONS).some((champion) => champion.name.startsWith(`${first} `)));
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

/** Words about a person, with {they}, {them}, {their} (capitalised at the start of a sentence) filled in for them. */
type Words = string;
const FORMS: Record<Pronoun, Record<string, string>> = {
  she: { they: 'she', them: 'her', their: 'her', They: 'She', Their: 'Her' },
  he: { they: 'he', them: 'him', their: 'his', They: 'He', Their: 'His' },
};
function about(person: Person, words: Words): string {
  return words.replace(/\{(they|them|their|They|Their)\}/g, (_match, form: string) => FORMS[person.pronoun][form]);
}

/** Words that only ring true in some functions say which; the rest fit anyone. */
type FittingWords = Words | { words: Words; only: string[] };
const HR_ALIKE = ['HR'];
const OUTSIDE_HR = ['Executive', 'Finance', 'IT', 'Sales', 'Operations', 'Strategy', 'Legal'];

/** The entries among `choices` that fit someone in `businessFunction`. */
function fitting(choices: readonly FittingWords[], businessFunction: string): Words[] {
  return choices.flatMap((choice) => (typeof choice === 'string' ? [choice] : choice.only.includes(businessFunction) ? [choice.words] : []));
}

const FEARS: Record<FearCategory, FittingWords[]> = {
  time_and_workload: ['"I barely have time for my one-to-ones as it is."', 'Another initiative on top of the transformation programme will sink the team.', '"Coaching sounds like an hour a week per person I don\'t have."'],
  personal_exposure: ['"If I coach in front of my team and get it wrong, I lose their respect."', 'Worried that being coached will look like remedial help to {their} own manager.', '"I\'m not sure I want my own blind spots discussed."'],
  loss_of_control: ['"If my managers coach instead of direct, how do I know the numbers will land?"', 'Fears that empowering teams means decisions drift away from {them}.'],
  doubt_about_value: [
    '"We did a coaching course in 2019 and nothing changed."',
    { words: '"Show me the link to margin and I\'ll listen."', only: ['Executive', 'Finance', 'Sales', 'Operations', 'Strategy'] },
    { words: 'Sees it as an HR programme, not a business lever.', only: OUTSIDE_HR },
    { words: '"We will be asked to prove it works before anyone gives it time."', only: HR_ALIKE },
  ],
  cost_and_budget: ['"Who pays for the external coaches? Not my cost centre."', 'Worried about the cost of backfilling managers while they train.'],
  culture_fit: [
    { words: '"Our sales culture rewards lone wolves; coaching won\'t stick."', only: ['Sales'] },
    { words: '"Engineers want answers, not questions."', only: ['IT'] },
    { words: '"On the shop floor, coaching sounds like a luxury between shifts."', only: ['Operations'] },
    { words: '"Finance rewards being right, not asking questions."', only: ['Finance'] },
    '"People here are promoted for delivering, not for developing others."',
  ],
  other: ['Concerned the works council will see it as performance management by the back door.'],
};

/** What a conversation that left them at this level sounded like: the words always match the level recorded. */
const SUMMARIES: Record<Exclude<CommitmentLevel, 'not_sounded'>, Words[]> = {
  sounded: [
    'Listened carefully and asked how it links to the three-year plan. Wants to see the pilot results before saying more.',
    'Short conversation between meetings; no view yet. Asked for a one-page brief.',
  ],
  open: [
    'Open about the pressure the team is under; sees coaching as a way to keep good people. Asked who else is involved.',
    'Sceptical at first, warmed up when we talked about succession gaps in the function.',
    'Challenged the business case hard, then agreed to keep an open mind if the pilot shows retention effects.',
  ],
  supportive: [
    'Agreed in principle and said so plainly; wants a one-page brief to share with {their} team.',
    'Told a strong story about what coaching did for a colleague, and said {they} would back the strategy.',
  ],
  committed: [
    'Very positive. Offered to talk to peers and to host a pilot in {their} team.',
    'Agreed to sponsor a pilot cohort and to brief peers on why it matters for the function.',
  ],
  public_champion: ['Has been making the case to peers unprompted; offered to open the next cohort.'],
  resistant: [
    'Pushed back hard: sees it as an HR programme competing with the targets, and did not want a follow-up before the quarter closes.',
    '"Not now, and not in my area." Felt the pilot was being pushed on {them}.',
  ],
};
const BACK_FROM_RESISTANT: Words = 'Softer than last time: the retention numbers from the pilot landed, and {they} agreed to look at it properly.';
const COOLED_TO_RESISTANT: Words = 'Cooler than last time: the budget round has made {them} wary of anything new, and {they} said so bluntly.';

const EXPERIENCES: FittingWords[] = [
  { words: 'A finance director who let {them} run the year-end close at 28 and debriefed every week.', only: ['Finance', 'Executive', 'Strategy'] },
  { words: '{Their} first plant manager, who asked questions instead of giving answers; the two are still in touch.', only: ['Operations'] },
  { words: 'A lead engineer who reviewed {their} first design line by line, then handed {them} the next one.', only: ['IT'] },
  { words: 'The sales director who took {them} to every difficult renewal for a year.', only: ['Sales'] },
  'A manager early in {their} career who gave {them} a stretch assignment and stayed close through it.',
  'A mentor from another company, met through an industry body, who helped {them} through a failed launch.',
  'Says there was never one, and wishes there had been; it shapes how {their} own team is run today.',
];
const BENEFITS: Words[] = [
  'Retention of high performers; fewer escalations to {their} desk.',
  'Faster ramp-up of new joiners in the team.',
  'A bench for succession in a thin function.',
  'Sees a personal benefit: more time for strategy if {their} managers grow.',
];
const COSTS: Words[] = [
  'Time: estimates two hours a week for the first quarter.',
  'Would have to change how the Monday meeting is run; not sure about being the role model for it yet.',
  'Reputation risk if the pilot flops in {their} area.',
  'Little personal cost; already coaches informally.',
];
const PRIORITIES: Record<string, string> = {
  Executive: 'Customer retention and the NPS target.',
  Finance: 'Cost-to-serve reduction programme.',
  IT: 'The cloud migration and keeping engineers.',
  Sales: 'Growth in the enterprise segment.',
  Operations: 'Safety culture and the zero-harm narrative.',
  HR: 'Building the leadership bench.',
  Strategy: 'The three-year plan.',
  Legal: 'Keeping regulatory risk low while the business changes.',
};
const NEXT_STEPS: Words[] = [
  'Send the one-page brief and the pilot outline.',
  'Introduce to Aoife Brennan to hear how operations ran the pilot.',
  'Follow up after the budget round with the retention numbers.',
  'Ask to host a pilot cohort in the team.',
  'Invite to the champions\' breakfast.',
];
const NEXT_STEP_WHEN_RESISTANT: Words = 'Give it time; check back after the quarter closes, with the retention numbers.';
const CONDUCTORS = ['Daniel Osei', 'Nadia Karim (HR)', 'Aoife Brennan'];

/** HR's own accounts: Nadia leads the campaign and writes the notes; both hold top-team relationships. */
const HR_ACCOUNTS = [
  { email: 'nadia.karim@northwind.example', name: 'Nadia Karim' },
  { email: 'leo.marsh@northwind.example', name: 'Leo Marsh' },
];

/**
 * The follow-up the latest sounding set, as a campaign in flight has them: about one in six is overdue, a
 * quarter fall due this week, most later in the month, a few have none; a resistant person is left until the
 * quarter has closed. Never before the sounding itself (`heldDaysAgo`).
 */
function latestFollowUp(level: CommitmentLevel, heldDaysAgo: number): string | undefined {
  if (level === 'resistant') return daysAgo(-random.int(30, 45));
  const draw = random.next();
  if (draw < 0.16) return daysAgo(Math.min(random.int(1, 10), heldDaysAgo));
  if (draw < 0.42) return daysAgo(-random.int(0, 6));
  if (draw < 0.9) return daysAgo(-random.int(7, 28));
  return undefined;
}

/** A moment `days` from now (negative: past) at `hour`:00 UTC. */
function at(days: number, hour = 9): string {
  const moment = new Date(Date.now() + days * 86_400_000);
  moment.setUTCHours(hour, 0, 0, 0);
  return moment.toISOString();
}

type LinkSpec = [from: string, to: string, kind: InfluenceKind, strength: InfluenceStrength, note?: string];

/**
 * Who sways whom, who holds each top-team relationship, the briefing plan, the meetings and the champions'
 * evidence: the coalition pages of a campaign three months in. Links and plans go through the services (and
 * the audit trail); relationship owners and champion evidence are inserted as the demo's own rows.
 */
async function seedCoalition(
  context: INestApplicationContext,
  actor: Actor,
  id: (name: string) => string,
  inFunction: (businessFunction: string, role: StakeholderRole) => string[],
  accounts: Map<string, string>,
): Promise<{ influences: number; relationships: number; briefings: number; meetings: number }> {
  const dataSource = context.get(DataSource);
  const influences = context.get(InfluencesService);
  const briefings = context.get(BriefingsService);
  const meetings = context.get(MeetingsService);

  const links: LinkSpec[] = [
    // The top team: everyone reports to Helen, and some look further.
    ['Helen Achterberg', 'Aoife Brennan', 'looks_to', 2, 'Quotes the operations results to the board; asks Aoife first about anything on the shop floor.'],
    ['Helen Achterberg', 'Rajiv Menon', 'looks_to', 2, 'Will not back a spend Rajiv has not seen.'],
    ['Marcus Doyle', 'Rajiv Menon', 'looks_to', 2, 'Checks any investment case with Rajiv before committing.'],
    ['Tomasz Wiśniewski', 'Rajiv Menon', 'looks_to', 3, 'Takes the lead from Rajiv on anything with a cost.'],
    ['Chloé Dubois', 'Sofia Lindqvist', 'looks_to', 2, 'Wrote the digital strategy together; trusts her judgement.'],
    ['Sofia Lindqvist', 'Aoife Brennan', 'ally', 3, 'Ran the first joint pilot between IT and Operations.'],
    ['Marcus Doyle', 'Tomasz Wiśniewski', 'conflict', 2, 'Clashed over the contract-approval rules last year.'],
    ['Daniel Osei', 'Aoife Brennan', 'ally', 2],
    // Champions and their mentors.
    ['Grace Mensah', 'Rajiv Menon', 'mentor', 2, 'Rajiv has mentored her since the graduate scheme.'],
    ['Kwame Haddad', 'Aoife Brennan', 'mentor', 3, 'Aoife has mentored him since he joined as a shift lead.'],
    ['Ines Costa', 'Sofia Lindqvist', 'mentor', 2],
    ['Liam Murphy', 'Femi Okonkwo', 'looks_to', 1, 'Sits next to Femi; picks up how the big accounts are run.'],
  ];
  const champions: Record<string, string> = { Finance: 'Grace Mensah', IT: 'Ines Costa', Operations: 'Kwame Haddad', Sales: 'Femi Okonkwo' };
  for (const businessFunction of Object.keys(FUNCTIONS)) {
    const seniors = inFunction(businessFunction, 'senior_leader');
    if (seniors.length > 1) links.push([seniors[1], seniors[0], 'looks_to', 1, 'Peers for years; follows the lead on cross-team changes.']);
    // Line managers look to their function's champion (the coach is nobody's reference); elsewhere, to a peer.
    const managers = inFunction(businessFunction, 'line_manager').filter((name) => name !== 'Liam Murphy');
    const champion = champions[businessFunction];
    managers.forEach((name, index) => {
      if (champion && name !== champion) links.push([name, champion, 'looks_to', index % 2 === 0 ? 2 : 3]);
      else if (!champion && index > 0) links.push([name, managers[0], 'looks_to', 1]);
    });
  }
  const [payables, treasury] = inFunction('Finance', 'line_manager');
  links.push([payables, treasury, 'ally', 2, 'Share the month-end crunch; cover for each other.']);
  const operations = inFunction('Operations', 'line_manager');
  links.push([operations[1], operations[2], 'conflict', 1, 'Recurring friction over shipment holds.']);
  for (const [from, to, kind, strength, note] of links) {
    await influences.create(actor, { fromId: id(from), toId: id(to), kind, strength, note: note ?? null });
  }

  // Who holds each top-team relationship: at least one for every member.
  const relationships: [member: string, holder: string, quality: RelationshipQuality, note: string][] = [
    ['Helen Achterberg', 'Daniel Osei', 'strong', 'Daniel has her ear on people matters; they meet every Monday.'],
    ['Helen Achterberg', 'Nadia Karim', 'building', 'Updates go through Daniel; one direct conversation so far.'],
    ['Rajiv Menon', 'Grace Mensah', 'strong', 'Grace built the forecast model he presents to the board; he trusts her numbers.'],
    ['Rajiv Menon', 'Nadia Karim', 'avoid', 'Sees HR-led asks as cost; let Grace carry the message.'],
    ['Sofia Lindqvist', 'Ines Costa', 'strong', 'Ines runs the engineering team Sofia holds up as the model.'],
    ['Sofia Lindqvist', 'Leo Marsh', 'building', 'Met twice about the graduate scheme.'],
    ['Marcus Doyle', 'Femi Okonkwo', 'building', 'Femi\'s accounts carry the quarter; Marcus listens when he brings numbers.'],
    ['Marcus Doyle', 'Liam Murphy', 'avoid', 'Marcus sees the inside-sales pilot as Liam\'s pet project.'],
    ['Marcus Doyle', 'Nadia Karim', 'building', 'Friday slots only; prefers a one-page note to a meeting.'],
    ['Aoife Brennan', 'Kwame Haddad', 'strong', 'Her mentee; she asks him how the pilot feels on the night shift.'],
    ['Aoife Brennan', 'Nadia Karim', 'strong', 'Co-designed the operations pilot with her.'],
    ['Daniel Osei', 'Nadia Karim', 'strong', 'Nadia reports to him; they run the campaign together.'],
    ['Chloé Dubois', 'Leo Marsh', 'building', 'Met once at the strategy offsite; no one-to-one yet.'],
    ['Tomasz Wiśniewski', 'Nadia Karim', 'avoid', 'The works-council dispute still colours how he sees HR.'],
    ['Tomasz Wiśniewski', 'Grace Mensah', 'building', 'Works with him on the finance side of contract approvals.'],
  ];
  for (const [member, holder, quality, note] of relationships) {
    const userId = accounts.get(holder) ?? null;
    await dataSource.query(
      `INSERT INTO relationships (stakeholder_id, holder_user_id, holder_stakeholder_id, quality, note, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id(member), userId, userId ? null : id(holder), quality, note, actor.user.id],
    );
  }

  // The briefing plan: three champions have briefed, five more briefings will follow, one for every member, and HR presents to the whole top team last,
  // at the offsite, once the quarter is closed and Rajiv has his numbers. One warning is left for the reader to
  // fix: Kwame is booked with Helen in her board week (the timing windows), a few days' move clears it.
  const offsiteOn = [12, 20, 28].map(fromQuarterEnd).find((day) => day >= at(24).slice(0, 10)) ?? fromQuarterEnd(12);
  const plan = [
    { brieferId: id('Ines Costa'), audienceId: id('Sofia Lindqvist'), plannedFor: at(-25), status: 'done' as const,
      brief: 'What coaching did for IT\'s engineering team during the cloud migration.', outcome: 'Sofia offered two engineering teams for the second cohort.' },
    { brieferId: id('Grace Mensah'), audienceId: id('Rajiv Menon'), plannedFor: at(-20), status: 'done' as const,
      brief: 'Why coaching matters for Finance: retention in FP&A and the cost of rehiring analysts.',
      outcome: 'Rajiv asked for the retention numbers by cost centre and agreed to look at the pilot budget.' },
    { brieferId: id('Kwame Haddad'), audienceId: id('Aoife Brennan'), plannedFor: at(-40), status: 'done' as const,
      brief: 'What coaching changed for the night-shift leads, and what it does for zero harm.',
      outcome: 'Aoife agreed to sponsor a night-shift cohort and to speak for it at the operations review.' },
    { brieferId: id('Femi Okonkwo'), audienceId: id('Marcus Doyle'), plannedFor: at(4), brief: 'Faster ramp-up for new account managers: what a Sales pilot would show.' },
    { brieferId: id('Kwame Haddad'), audienceId: id('Helen Achterberg'), plannedFor: at(6), brief: 'What the operations pilot changed on the shop floor, told by a shift manager.' },
    { brieferId: id('Grace Mensah'), audienceId: id('Tomasz Wiśniewski'), plannedFor: at(7, 14), brief: 'The Finance case Rajiv has seen, and what Legal would gain from it.' },
    { brieferId: id('Ines Costa'), audienceId: id('Chloé Dubois'), plannedFor: at(11),
      brief: 'How IT grew its own delivery leads with coaching, and what the three-year plan gains from leaders who grow the next layer.' },
    { brieferId: id('Liam Murphy'), audienceId: id('Daniel Osei'), plannedFor: at(13, 11),
      brief: 'What new inside-sales hires say about having a coach from their first week, for the leadership bench.' },
    { hr: true, topTeam: true, plannedFor: `${offsiteOn}T10:00:00.000Z`, brief: 'The coaching strategy for the top team to own: pilot results, the champions\' briefings and the ask.' },
  ];
  for (const briefing of plan) await briefings.create(actor, briefing);

  // The operations review where Aoife and Kwame spoke for it (which makes them public champions), Finance's
  // leadership meeting next week, and the offsite ahead.
  const review = await meetings.create(actor, {
    title: 'Operations review',
    scheduledFor: at(-6, 13),
    purpose: 'Quarterly review of the operations pilot with the top team\'s sponsor.',
    attendeeIds: [id('Aoife Brennan'), id('Kwame Haddad'), id('Helen Achterberg'), ...inFunction('Operations', 'senior_leader').map(id)],
  });
  await meetings.recordSpokeFor(actor, review.id, { stakeholderIds: [id('Aoife Brennan'), id('Kwame Haddad')] });
  await meetings.create(actor, {
    title: 'Finance leadership team',
    scheduledFor: at(9, 14),
    purpose: 'Grace shows the retention numbers by cost centre; ask Rajiv\'s leaders to nominate analysts for the second cohort.',
    attendeeIds: [id('Rajiv Menon'), id('Grace Mensah'), ...inFunction('Finance', 'senior_leader').map(id)],
  });
  await meetings.create(actor, {
    title: 'Top-team offsite: the coaching strategy',
    scheduledFor: `${offsiteOn}T09:00:00.000Z`,
    purpose: 'Ask the top team to own the strategy, once every member has been briefed one to one.',
    attendeeIds: TOP_TEAM.map((member) => id(member.name)),
  });

  // Evidence for the champion tests that Soundings cannot read from its own records.
  const evidence: [name: string, test: ChampionTest, text: string, daysBack: number][] = [
    ['Grace Mensah', 'influence', 'Three analysts from other teams asked to join her coaching circle.', 30],
    ['Ines Costa', 'advocacy', 'Presented the pilot at the IT all-hands without HR in the room.', 35],
    ['Kwame Haddad', 'stake', 'Owns the safety-culture priority for the night shift; sees coaching as the way to get shift leads to speak up.', 40],
    ['Femi Okonkwo', 'stake', 'His quarterly target depends on new account managers ramping up faster.', 20],
    ['Liam Murphy', 'stake', 'Wants coaching to cut the ramp-up time of new inside-sales hires.', 15],
  ];
  for (const [name, test, text, daysBack] of evidence) {
    await dataSource.query(`INSERT INTO champion_evidence (stakeholder_id, test, evidence, observed_on, created_by) VALUES ($1, $2, $3, $4, $5)`, [
      id(name),
      test,
      text,
      daysAgo(daysBack),
      actor.user.id,
    ]);
  }
  return { influences: links.length, relationships: relationships.length, briefings: plan.length, meetings: 3 };
}

/**
 * Loads the demo organisation into an empty database through the app's own services (so the audit trail,
 * derived levels and last contact are what the app would have written); the summary line, or null when the
 * database already holds stakeholders.
 */
export async function loadDemoOrganisation(context: INestApplicationContext): Promise<string | null> {
  const dataSource = context.get(DataSource);
  const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM stakeholders');
  if (count > 0) return null;
  // The campaign's HR lead writes the demo's notes. Her account and her colleague's are inactive and have no
  // password: nobody can sign in as them, and loading the demo leaves first-run setup open.
  const accounts = new Map<string, string>();
  for (const account of HR_ACCOUNTS) {
    const [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (email, display_name, role, active) VALUES ($1, $2, 'practitioner', false)
       ON CONFLICT (lower(email)) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
      [account.email, account.name],
    );
    accounts.set(account.name, userId);
  }
  const author = HR_ACCOUNTS[0];
  const actor: Actor = {
    user: { id: accounts.get(author.name)!, email: author.email, role: 'practitioner' },
    via: 'token',
    requestId: 'seed-demo',
    clientAddress: 'local',
  };
  const stakeholders = context.get(StakeholdersService);
  const soundings = context.get(SoundingsService);
  const commitment = context.get(CommitmentService);
  const fears = context.get(FearsService);

  const people: Person[] = [...TOP_TEAM];
  const usedNames = new Set([...people.map((p) => p.name), ...Object.values(CHAMPIONS).map((c) => c.name)]);
  const championTitlesLeft = new Set(Object.keys(CHAMPIONS));
  for (const [businessFunction, { senior, managers }] of Object.entries(FUNCTIONS)) {
    for (const title of [...senior, ...managers, ...managers.slice(0, 3)]) {
      const isManager = !senior.includes(title);
      const base = {
        title,
        businessFunction,
        role: (isManager ? 'line_manager' : 'senior_leader') as StakeholderRole,
        requiredCommitment: (isManager ? 'supportive' : 'committed') as CommitmentLevel,
      };
      if (championTitlesLeft.delete(title)) {
        people.push({ ...base, ...CHAMPIONS[title] });
        continue;
      }
      let first: [string, Pronoun];
      let name: string;
      do {
        first = random.pick(RANDOM_FIRST);
        name = `${first[0]} ${random.pick(LAST)}`;
      } while (usedNames.has(name));
      usedNames.add(name);
      people.push({
        ...base,
        name,
        pronoun: first[1],
        influence: isManager ? random.int(1, 4) : random.int(3, 5),
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

    // Soundings spread over the last three months, oldest first; nobody sounds themselves out.
    const conductors = CONDUCTORS.filter((conductor) => !conductor.startsWith(person.name));
    const nextSteps = NEXT_STEPS.filter((step) => !step.includes(person.name));
    const fearOwner = person.name === 'Daniel Osei' ? 'Nadia Karim' : 'Daniel Osei';
    // The latest conversation is recent for most (the top team is seen most often), and each earlier one came
    // two to four weeks before the next: three months of campaign at most.
    const days: number[] = [];
    for (let index = person.path.length - 1, day = person.role === 'top_team' ? random.int(4, 26) : random.int(5, 60); index >= 0; index -= 1) {
      days.unshift(day);
      day = Math.min(day + random.int(12, 28), 100);
    }
    for (const [index, level] of person.path.entries()) {
      const day = days[index];
      const isLatest = index === person.path.length - 1;
      const previous = index > 0 ? person.path[index - 1] : null;
      const reached = level as Exclude<CommitmentLevel, 'not_sounded'>;
      const summary =
        previous === 'resistant' && level !== 'resistant'
          ? BACK_FROM_RESISTANT
          : level === 'resistant' && previous !== null
            ? COOLED_TO_RESISTANT
            : random.pick(SUMMARIES[reached]);
      const fearCategories: FearCategory[] = random.chance(index === 0 || level === 'resistant' ? 0.8 : 0.35) ? [random.pick(Object.keys(FEARS) as FearCategory[])] : [];
      if (index === 0 && random.chance(0.4)) fearCategories.push(random.pick(Object.keys(FEARS) as FearCategory[]));
      const heldOn = daysAgo(day);
      const followUpOn = isLatest ? latestFollowUp(level, day) : random.chance(0.5) ? daysAgo(day - random.int(7, Math.max(7, day - days[index + 1]))) : undefined;
      const sounding = await soundings.log(actor, created.id, {
        heldOn,
        channel: random.pick(['in_person', 'in_person', 'video', 'phone'] as const),
        conductedBy: random.pick(conductors),
        summary: about(person, summary),
        developmentalExperience: index === 0 ? about(person, random.pick(fitting(EXPERIENCES, person.businessFunction))) : undefined,
        benefitsSeen: level === 'resistant' ? undefined : about(person, random.pick(BENEFITS)),
        personalCost: random.chance(0.7) ? about(person, random.pick(COSTS)) : undefined,
        prioritiesServed: PRIORITIES[person.businessFunction],
        commitmentAfter: reached,
        nextStep: level === 'resistant' ? NEXT_STEP_WHEN_RESISTANT : random.pick(nextSteps),
        followUpOn,
        fears: [...new Set(fearCategories)].map((category) => ({ category, statement: about(person, random.pick(fitting(FEARS[category], person.businessFunction))) })),
      });
      // Earlier fears tend to have been answered before the next conversation.
      if (!isLatest) {
        for (const fear of sounding.fears) {
          if (random.chance(0.6)) {
            await fears.update(actor, fear.id, fear.version, {
              status: 'resolved',
              response: about(person, 'Shared the pilot data and introduced {them} to a peer who had the same worry.'),
              owner: fearOwner,
              resolvedOn: daysAgo(Math.max(0, day - random.int(3, 10))),
            });
          } else if (random.chance(0.5)) {
            await fears.update(actor, fear.id, fear.version, { status: 'addressing', response: 'Booked a follow-up with the L&D lead.', owner: 'Nadia Karim' });
          }
        }
      }
    }
  }

  const id = (name: string) => ids.get(name)!;
  const inFunction = (businessFunction: string, role: StakeholderRole) =>
    people.filter((person) => person.businessFunction === businessFunction && person.role === role).map((person) => person.name);
  const counts = await seedCoalition(context, actor, id, inFunction, accounts);
  // After the briefing plan: the priorities are named on its briefings.
  const priorityCount = await seedPriorities(context, actor, id);
  const timingWindows = await seedTiming(context, actor, id);
  const ownCadences = await seedCadence(context, actor, id);
  // After the priorities: what came up in a sounding cites them.
  const narratives = await seedNarratives(context, actor, id);
  const expectationCount = await seedExpectations(context, actor, id);
  const pilotCount = await seedPilots(context, actor, id);
  const initiatives = await seedInitiatives(context, actor, id);
  const campaign = [
    `${priorityCount} business priorities`,
    `${timingWindows} timing windows`,
    `${ownCadences} leaders with a contact cadence of their own`,
    `${narratives} narratives`,
    `${expectationCount} expectations`,
    `${pilotCount} pilots`,
    `${initiatives} initiatives`,
  ];
  return (
    `Loaded the demo organisation: ${people.length} stakeholders (top team of ${TOP_TEAM.length}) with three months of soundings, ` +
      `${counts.influences} influence links, ${counts.relationships} relationship owners, ${counts.briefings} briefings, ${counts.meetings} meetings, ` +
    `${campaign.join(', ')}.`
  );
}

async function seed(): Promise<void> {
  const config = readAppConfig();
  const { key } = resolveAuditKey({ dataDir: config.dataDir });
  const { appUrl, embedded } = await prepareDatabase(config, (line) => console.log(line));
  const context = await NestFactory.createApplicationContext(AppModule.forDatabase(appUrl, undefined, key), { logger: ['error'] });
  try {
    const summary = await loadDemoOrganisation(context);
    if (summary) console.log(summary);
    else console.log('The database already holds stakeholders; the demo organisation is only loaded into an empty one.');
  } finally {
    await context.close();
    await embedded?.stop();
  }
}

if (require.main === module) {
  seed().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
