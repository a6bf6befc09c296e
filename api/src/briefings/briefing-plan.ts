import {
  Briefing,
  BriefingPlan,
  BriefingReadiness,
  BriefingWarning,
  BriefingWarningCode,
  COMMITMENT_LADDER,
  isAtLeast,
  PriorityRef,
  StakeholderRef,
} from '@soundings/shared';
import { BriefGap, briefGap, namesAudiencePriority } from './briefing-rules';
import { foldForSearch } from '../stakeholders/search-text';
import { timingConcern, TimingWindowDates } from '../timing/timing-concern';

/** HR presents when the hr flag is set or the briefer is one of HR's own people. */
export function isHrBriefing(briefing: Briefing): boolean {
  return briefing.hr || briefing.briefer?.role === 'hr';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole words only, so "IT" is not found in "with it" and "Sales" is not found in "wholesaler". */
function namesTerm(text: string, term: string): boolean {
  // Short capitalised names (IT, HR, R&D) are matched as written; everything else ignoring case and accents.
  const asWritten = /^[A-Z0-9&]{2,5}$/.test(term);
  const haystack = asWritten ? text : foldForSearch(text);
  const needle = (asWritten ? term : foldForSearch(term)).split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${needle}(?![\\p{L}\\p{N}])`, 'u').test(haystack);
}

/**
 * Whether a brief ties the case to the briefer's own area: it must exist and, when the briefer has
 * a business function, name it (or one part of a combined one such as "Sales & Marketing").
 */
export function briefNamesArea(brief: string | null, businessFunction: string | null): boolean {
  if (!brief || !brief.trim()) return false;
  const parts = (businessFunction ?? '')
    .split(/\s+&\s+|\s*[/,;+]\s*|\s+and\s+/i)
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.length === 0 || parts.some((part) => namesTerm(brief, part));
}

function audienceLabel(briefing: Briefing): string {
  return briefing.topTeam ? 'the top team' : (briefing.audience?.name ?? 'their audience');
}

function brieferLabel(briefing: Briefing): string {
  return briefing.briefer?.name ?? 'HR';
}

/** Whether two briefings reach at least one person in common (a top-team briefing reaches every member). */
function shareAudience(a: Briefing, b: Briefing): boolean {
  return a.topTeam || b.topTeam || (a.audience !== null && a.audience.id === b.audience?.id);
}

/** Per briefer (a stakeholder), the people they hold an `avoid` relationship with: they must not carry the message to them. */
export type AvoidedBy = ReadonlyMap<string, ReadonlySet<string>>;

const NO_AVOIDS: AvoidedBy = new Map();

/** Per person, their timing windows: a planned briefing should not fall badly for its audience. */
export type TimingWindowsOf = ReadonlyMap<string, readonly TimingWindowDates[]>;

const NO_WINDOWS: TimingWindowsOf = new Map();

/** Per briefing (to one member), the priorities of its audience's business function. */
export type AudiencePriorities = ReadonlyMap<string, readonly PriorityRef[]>;

const NO_AUDIENCE_PRIORITIES: AudiencePriorities = new Map();

const quoted = (priorities: readonly PriorityRef[]) => priorities.map((priority) => `“${priority.title}”`).join(', ');

function missingBriefMessage(briefing: Briefing, gap: BriefGap, audiencePriorities: readonly PriorityRef[]): string {
  switch (gap) {
    case 'no_brief':
      return `${brieferLabel(briefing)} has no brief yet. Write the case they will make.`;
    case 'no_audience_priority':
      return `The briefing to ${briefing.audience?.name} names none of ${briefing.audience?.businessFunction ?? audiencePriorities[0].businessFunction}'s priorities (${quoted(
        audiencePriorities,
      )}). Name the one the case serves.`;
    case 'area_not_named':
      return `The brief does not say why it matters for ${briefing.briefer?.businessFunction}, ${brieferLabel(briefing)}'s area.`;
  }
}

/**
 * The plan's warnings, from briefings in plan order, who has been sounded, and the top team.
 * Only planned briefings are checked for readiness; done and cancelled ones are history.
 */
export function planWarnings(
  briefings: Briefing[],
  sounded: ReadonlySet<string>,
  topTeam: StakeholderRef[],
  avoids: AvoidedBy = NO_AVOIDS,
  windows: TimingWindowsOf = NO_WINDOWS,
  audiencePriorities: AudiencePriorities = NO_AUDIENCE_PRIORITIES,
): BriefingWarning[] {
  const warnings: BriefingWarning[] = [];
  const position = new Map(briefings.map((briefing, index) => [briefing.id, index]));
  const live = briefings.filter((briefing) => briefing.status !== 'cancelled');
  const champions = live.filter((briefing) => !isHrBriefing(briefing));

  for (const briefing of briefings) {
    if (isHrBriefing(briefing) && briefing.status !== 'cancelled') {
      // Champions must have reached this audience first: any still to brief it, later in the plan
      // or not yet done when HR already presented, is out of order.
      const early = champions.filter(
        (champion) =>
          champion.status === 'planned' &&
          shareAudience(briefing, champion) &&
          (briefing.status === 'done' || position.get(champion.id)! > position.get(briefing.id)!),
      );
      if (early.length > 0) {
        const brieferNames = [...new Set(early.map(brieferLabel))];
        const names = brieferNames.join(', ');
        warnings.push({
          code: 'hr_before_champions',
          briefingId: briefing.id,
          ...(briefing.audience ? { stakeholderId: briefing.audience.id } : {}),
          message: `HR ${briefing.status === 'done' ? 'presented' : 'presents'} to ${audienceLabel(briefing)} before ${names} ${
            brieferNames.length === 1 ? 'has' : 'have'
          } briefed them. Move HR's briefing after the champions'.`,
        });
      }
    }
    if (briefing.status !== 'planned') continue;

    const briefer = briefing.briefer;
    if (briefer && !isHrBriefing(briefing) && !isAtLeast(briefer.commitment, 'committed')) {
      warnings.push({
        code: 'briefer_not_committed',
        briefingId: briefing.id,
        stakeholderId: briefer.id,
        message: `${briefer.name} is ${COMMITMENT_LADDER[briefer.commitment].label.toLowerCase()}; a champion should be committed before briefing ${audienceLabel(briefing)}.`,
      });
    }
    if (briefer && !sounded.has(briefer.id)) {
      warnings.push({
        code: 'briefer_not_sounded',
        briefingId: briefing.id,
        stakeholderId: briefer.id,
        message: `${briefer.name} has never been sounded one to one. Log a sounding before they brief.`,
      });
    }
    const theirPriorities = audiencePriorities.get(briefing.id) ?? [];
    const gap = briefGap(
      briefing.brief,
      briefNamesArea(briefing.brief, briefing.hr ? null : (briefer?.businessFunction ?? null)),
      briefing.audience ? namesAudiencePriority(briefing.priorities, theirPriorities) : null,
    );
    if (gap) {
      warnings.push({
        code: 'missing_brief',
        briefingId: briefing.id,
        ...(briefer ? { stakeholderId: briefer.id } : {}),
        message: missingBriefMessage(briefing, gap, theirPriorities),
      });
    }
    for (const member of avoidedAudience(briefing, topTeam, avoids)) {
      warnings.push({
        code: 'briefer_relationship_avoid',
        briefingId: briefing.id,
        stakeholderId: member.id,
        message: `${briefer!.name} must not carry the message to ${member.name}: their relationship is marked "avoid". Choose another briefer for ${member.name}.`,
      });
    }
    for (const member of audienceOf(briefing, topTeam)) {
      const concern = timingConcern(member.name, briefing.day, windows.get(member.id) ?? []);
      if (!concern) continue;
      warnings.push({
        code: concern.code,
        briefingId: briefing.id,
        stakeholderId: member.id,
        message: `${concern.message} ${concern.code === 'timing_not_now' ? 'Move the briefing after that.' : 'Move the briefing into that window.'}`,
      });
    }
    for (const member of audienceNotSounded(briefing, sounded, topTeam)) {
      warnings.push({
        code: 'audience_not_sounded',
        briefingId: briefing.id,
        stakeholderId: member.id,
        message: `${member.name} has not been sounded one to one before this briefing.`,
      });
    }
  }

  for (const member of topTeam) {
    const briefed = champions.some((champion) => champion.briefer?.id !== member.id && (champion.topTeam || champion.audience?.id === member.id));
    if (!briefed) {
      warnings.push({
        code: 'no_champion_for_member',
        briefingId: null,
        stakeholderId: member.id,
        message: `No champion is planned to brief ${member.name}.`,
      });
    }
  }
  return warnings;
}

/** Who a briefing reaches: its one audience member, or every top-team member but the briefer. */
function audienceOf(briefing: Briefing, topTeam: StakeholderRef[]): StakeholderRef[] {
  return briefing.topTeam ? topTeam.filter((member) => member.id !== briefing.briefer?.id) : briefing.audience ? [briefing.audience] : [];
}

/** Audience members never sounded one to one; the briefer does not count as their own audience. */
function audienceNotSounded(briefing: Briefing, sounded: ReadonlySet<string>, topTeam: StakeholderRef[]): StakeholderRef[] {
  return audienceOf(briefing, topTeam)
    .filter((member) => !sounded.has(member.id))
    .map((member) => ({ id: member.id, name: member.name }));
}

/** The people in this briefing's audience its briefer must not carry the message to; for the whole top team, every such member. */
function avoidedAudience(briefing: Briefing, topTeam: StakeholderRef[], avoids: AvoidedBy): StakeholderRef[] {
  const avoided = briefing.briefer ? avoids.get(briefing.briefer.id) : undefined;
  if (!avoided || avoided.size === 0) return [];
  return audienceOf(briefing, topTeam)
    .filter((member) => avoided.has(member.id)).map((member) => ({ id: member.id, name: member.name }));
}

const CODE_ORDER = new Map<BriefingWarningCode, number>(
  (
    [
      'hr_before_champions',
      'briefer_not_committed',
      'briefer_not_sounded',
      'missing_brief',
      'briefer_relationship_avoid',
      'timing_not_now',
      'timing_outside_best',
      'audience_not_sounded',
    ] as const
  ).map((code, i) => [code, i]),
);

export function buildBriefingPlan(
  briefings: Briefing[],
  sounded: ReadonlySet<string>,
  topTeam: StakeholderRef[],
  avoids: AvoidedBy = NO_AVOIDS,
  windows: TimingWindowsOf = NO_WINDOWS,
  audiencePriorities: AudiencePriorities = NO_AUDIENCE_PRIORITIES,
): BriefingPlan {
  const warnings = planWarnings(briefings, sounded, topTeam, avoids, windows, audiencePriorities);
  const items = briefings.map((briefing) => {
    const own = warnings.filter((warning) => warning.briefingId === briefing.id);
    const codes = [...new Set(own.map((warning) => warning.code))].sort((a, b) => CODE_ORDER.get(a)! - CODE_ORDER.get(b)!);
    const readiness: BriefingReadiness = {
      ready: codes.length === 0,
      brieferSounded: briefing.briefer ? sounded.has(briefing.briefer.id) : null,
      briefNamesArea: briefNamesArea(briefing.brief, briefing.hr ? null : (briefing.briefer?.businessFunction ?? null)),
      audienceNotSounded: audienceNotSounded(briefing, sounded, topTeam),
      warnings: codes,
    };
    return { briefing, readiness };
  });
  return { items, warnings };
}
