import type { BriefingPlan, BriefingWarning } from '@soundings/shared';

/** What fixes a warning: a page to go to, a field of the briefing to edit, or a briefing to plan. */
export type BriefingFix =
  | { kind: 'link'; label: string; to: string }
  | { kind: 'edit'; label: string; briefingId: string; focus: 'brief' | 'plannedFor' | 'briefer' | 'priorities' }
  | { kind: 'plan'; label: string; audience: { id: string; name: string } };

/** Everyone the plan names, so a warning's person can be named in its fix. */
export function peopleInPlan(plan: BriefingPlan): Map<string, string> {
  const names = new Map<string, string>();
  for (const { briefing, readiness } of plan.items) {
    if (briefing.briefer) names.set(briefing.briefer.id, briefing.briefer.name);
    if (briefing.audience) names.set(briefing.audience.id, briefing.audience.name);
    for (const member of readiness.audienceNotSounded) names.set(member.id, member.name);
  }
  return names;
}

/** A warning about a top-team member nobody briefs names them only in its message: "… to brief Ines Duarte." */
function nameInMessage(warning: BriefingWarning): string | undefined {
  return /brief (.+)\.$/.exec(warning.message)?.[1];
}

/** The plan's wording when a briefing to a function's leader names none of the function's priorities. */
const NAMES_NO_PRIORITY = /names none of .+'s priorities/;

export function fixFor(warning: BriefingWarning, names: Map<string, string>): BriefingFix | null {
  const person = warning.stakeholderId;
  const name = person ? (names.get(person) ?? nameInMessage(warning) ?? 'them') : 'them';
  const logSounding = (who: string): BriefingFix => ({ kind: 'link', label: `Log a sounding with ${name}`, to: `/stakeholders/${who}/soundings/new` });
  switch (warning.code) {
    case 'hr_before_champions':
      return warning.briefingId ? { kind: 'edit', label: "Move HR's briefing later", briefingId: warning.briefingId, focus: 'plannedFor' } : null;
    case 'briefer_not_committed':
      return person ? { kind: 'link', label: `Win ${name}'s commitment: log a sounding`, to: `/stakeholders/${person}/soundings/new` } : null;
    case 'briefer_not_sounded':
    case 'audience_not_sounded':
      return person ? logSounding(person) : null;
    case 'missing_brief':
      if (!warning.briefingId) return null;
      // A brief that names none of the audience's function's priorities is fixed by naming one.
      return NAMES_NO_PRIORITY.test(warning.message)
        ? { kind: 'edit', label: 'Name one of their priorities', briefingId: warning.briefingId, focus: 'priorities' }
        : { kind: 'edit', label: 'Write the brief', briefingId: warning.briefingId, focus: 'brief' };
    case 'briefer_relationship_avoid':
      return warning.briefingId ? { kind: 'edit', label: `Choose another briefer for ${name}`, briefingId: warning.briefingId, focus: 'briefer' } : null;
    case 'timing_not_now':
    case 'timing_outside_best':
      return warning.briefingId ? { kind: 'edit', label: 'Choose another day', briefingId: warning.briefingId, focus: 'plannedFor' } : null;
    case 'no_champion_for_member':
      return person ? { kind: 'plan', label: `Plan a champion briefing for ${name}`, audience: { id: person, name } } : null;
    default:
      return null;
  }
}
