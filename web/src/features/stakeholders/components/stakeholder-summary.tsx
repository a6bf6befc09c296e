import {
  BRIEF_KEEP_IT_SAFE,
  COMMITMENT_LADDER,
  FEAR_CATEGORY_LABELS,
  FEAR_STATUS_LABELS,
  fearWordsFor,
  formatDay,
  SOUNDING_CHANNEL_LABELS,
  STAKEHOLDER_ROLE_LABELS,
  WITHHELD_NOTE,
  type Fear,
  type Journey,
  type Sounding,
} from '@soundings/shared';
import { formatDateTime } from '@/lib/dates';
import classes from './stakeholder-summary.module.css';

/** How many soundings and fears one A4 page holds beside the rest. */
const LATEST_SOUNDINGS = 3;
const OPEN_FEARS = 6;

interface StakeholderSummaryProps {
  journey: Journey;
  printedBy: string;
  printedAt?: Date;
}

function soundingsNewestFirst(journey: Journey): Sounding[] {
  return journey.timeline.flatMap((event) => (event.kind === 'sounding' ? [event.sounding] : [])).reverse();
}

/** Each fear once, as it stands now, oldest first: those still open or being addressed. */
function openFears(journey: Journey): Fear[] {
  const latest = new Map<string, Fear>();
  for (const event of journey.timeline) if (event.kind === 'fear_voiced' || event.kind === 'fear_resolved') latest.set(event.fear.id, event.fear);
  return [...latest.values()].filter((fear) => fear.status !== 'resolved').sort((a, b) => a.voicedOn.localeCompare(b.voicedOn));
}

function gapLine(journey: Journey): string {
  const { requiredCommitment, commitmentGap } = journey.stakeholder;
  if (!requiredCommitment) return 'No level set';
  const label = COMMITMENT_LADDER[requiredCommitment].label;
  return commitmentGap <= 0 ? `${label} (met)` : `${label} (${commitmentGap} ${commitmentGap === 1 ? 'step' : 'steps'} to go)`;
}

/** One person on one A4 page: who they are, where they stand and must get to, what they said lately, open fears, next step. */
export function StakeholderSummary({ journey, printedBy, printedAt = new Date() }: StakeholderSummaryProps) {
  const person = journey.stakeholder;
  const soundings = soundingsNewestFirst(journey);
  const latest = soundings[0] ?? null;
  const fears = openFears(journey);
  const who = [person.title ?? STAKEHOLDER_ROLE_LABELS[person.role], person.businessFunction, person.reportsTo && `reports to ${person.reportsTo.name}`]
    .filter(Boolean)
    .join(' · ');

  return (
    <article className={classes.page} aria-label="Stakeholder summary">
      <div className={classes.masthead}>
        <span>Confidential · Stakeholder summary</span>
        <span>Soundings</span>
      </div>
      <h1 className={classes.title}>{person.name}</h1>
      <p className={classes.who}>
        {who}
        {person.potentialChampion ? ' · potential champion' : ''}
      </p>

      <dl className={classes.facts}>
        <div>
          <dt>Stands now</dt>
          <dd>
            {COMMITMENT_LADDER[person.commitment].label}
            {person.commitmentSince && <span className={classes.muted}> since {formatDay(person.commitmentSince)}</span>}
          </dd>
        </div>
        <div>
          <dt>Must get to</dt>
          <dd>{gapLine(journey)}</dd>
        </div>
        <div>
          <dt>Last contact</dt>
          <dd>{person.lastContactAt ? formatDay(person.lastContactAt) : 'Never'}</dd>
        </div>
        <div>
          <dt>Open fears</dt>
          <dd>{fears.length}</dd>
        </div>
      </dl>

      <section className={classes.section}>
        <h2>Next step</h2>
        {!latest ? (
          <p className={classes.muted}>Not sounded one to one yet: sound them out before asking for anything.</p>
        ) : latest.redacted ? (
          <p className={classes.muted}>{WITHHELD_NOTE}</p>
        ) : latest.nextStep || latest.followUpOn ? (
          <p>
            {latest.nextStep ?? 'Follow up'}
            {latest.followUpOn && <strong> by {formatDay(latest.followUpOn)}</strong>}
          </p>
        ) : (
          <p className={classes.muted}>None agreed at the latest sounding ({formatDay(latest.heldOn)}).</p>
        )}
      </section>

      <section className={classes.section}>
        <h2>What they said lately</h2>
        {soundings.length === 0 ? (
          <p className={classes.muted}>Nothing yet.</p>
        ) : (
          <ul>
            {soundings.slice(0, LATEST_SOUNDINGS).map((sounding) => (
              <li key={sounding.id}>
                <strong>
                  {formatDay(sounding.heldOn)}, {SOUNDING_CHANNEL_LABELS[sounding.channel].toLowerCase()}
                </strong>{' '}
                <span className={classes.muted}>(then {COMMITMENT_LADDER[sounding.commitmentAfter].label.toLowerCase()})</span>
                <div className={sounding.redacted ? classes.muted : classes.said}>{sounding.redacted ? WITHHELD_NOTE : sounding.summary}</div>
              </li>
            ))}
          </ul>
        )}
        {soundings.length > LATEST_SOUNDINGS && (
          <p className={classes.muted}>
            {soundings.length - LATEST_SOUNDINGS} earlier {soundings.length - LATEST_SOUNDINGS === 1 ? 'sounding' : 'soundings'} in Soundings.
          </p>
        )}
      </section>

      <section className={classes.section}>
        <h2>Open fears</h2>
        {fears.length === 0 ? (
          <p className={classes.muted}>None open.</p>
        ) : (
          <ul>
            {fears.slice(0, OPEN_FEARS).map((fear) => (
              <li key={fear.id}>
                <span className={classes.quote}>{fearWordsFor(fear)}</span>{' '}
                <span className={classes.muted}>
                  ({FEAR_CATEGORY_LABELS[fear.category]}, {FEAR_STATUS_LABELS[fear.status].toLowerCase()}, {formatDay(fear.voicedOn)})
                </span>
              </li>
            ))}
          </ul>
        )}
        {fears.length > OPEN_FEARS && <p className={classes.muted}>And {fears.length - OPEN_FEARS} more in Soundings.</p>}
      </section>

      <p className={classes.footer}>
        Printed {formatDateTime(printedAt.toISOString())} by {printedBy}. {BRIEF_KEEP_IT_SAFE.replace(' after the meeting', ' when you are done')}
      </p>
    </article>
  );
}
