import { COMMITMENT_LADDER, FEAR_CATEGORY_LABELS, STAKEHOLDER_ROLE_LABELS, type AttendeeReadiness, type MeetingReadiness } from '@soundings/shared';
import { fearWords } from '@/components/confidential';
import { formatDate, formatDateTime } from '@/lib/dates';
import classes from './meeting-brief.module.css';
import { expectationConcern, beforeTheMeeting, byStanding, nothingToDo, onBoardLine } from './readiness';

interface MeetingBriefProps {
  readiness: MeetingReadiness;
  printedBy: string;
  printedAt?: Date;
}

const dotColor = (color: string) => `var(--mantine-color-${color}-6)`;

/** What to watch for in one person, in a few words for a printed table. */
function watchFor(attendee: AttendeeReadiness): string {
  const notes: string[] = [];
  if (attendee.warnings.includes('not_sounded_individually')) notes.push('never sounded one to one');
  if (attendee.warnings.includes('resistant')) notes.push('resistant');
  const fears = attendee.openFears.length;
  if (fears > 0) notes.push(`${fears} open ${fears === 1 ? 'fear' : 'fears'}`);
  if (attendee.warnings.includes('cooling')) notes.push('past their ideal contact interval');
  if (attendee.timing) notes.push(attendee.timing.code === 'timing_not_now' ? 'asked not to be approached now' : 'outside their best time');
  if (attendee.warnings.includes('expectation_at_risk')) notes.push('an expectation to reset');
  if (attendee.spokeFor) notes.push('spoke for it');
  const text = notes.join('; ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '—';
}

/** The readiness as a one-page brief to take into the room. */
export function MeetingBrief({ readiness, printedBy, printedAt = new Date() }: MeetingBriefProps) {
  const { meeting, summary } = readiness;
  const todo = beforeTheMeeting(readiness);
  const room = [...readiness.attendees].sort(byStanding);

  return (
    <article className={classes.page} aria-label="Meeting brief">
      <div className={classes.masthead}>
        <span className={classes.confidential}>Confidential · Meeting brief</span>
        <span>Soundings</span>
      </div>
      <h1 className={classes.title}>{meeting.title}</h1>
      <p className={classes.when}>{formatDateTime(meeting.scheduledFor)}</p>
      {meeting.purpose && (
        <p className={classes.purpose}>
          <strong>Purpose:</strong> {meeting.purpose}
        </p>
      )}

      <div className={classes.figures}>
        <div className={classes.figure}>
          <strong>{onBoardLine(summary)}</strong>
          <span>supportive or further</span>
        </div>
        <div className={classes.figure}>
          <strong>{summary.notSounded}</strong>
          <span>never sounded one to one</span>
        </div>
        <div className={classes.figure}>
          <strong>{summary.resistant}</strong>
          <span>resistant</span>
        </div>
        <div className={classes.figure}>
          <strong>{summary.openFears}</strong>
          <span>{summary.openFears === 1 ? 'open fear' : 'open fears'}</span>
        </div>
      </div>

      <section className={classes.section}>
        <h2>Do before the meeting</h2>
        {nothingToDo(todo) ? (
          <p className={classes.muted}>Nothing: everyone has been sounded one to one, no fears are open, no one is resistant.</p>
        ) : (
          <ul>
            {todo.notSounded.length > 0 && (
              <li>
                <strong>Sound out one to one:</strong> {todo.notSounded.map((attendee) => attendee.stakeholder.name).join(', ')}
              </li>
            )}
            {todo.resistant.length > 0 && (
              <li>
                <strong>Talk to before, not in, the meeting (resistant):</strong> {todo.resistant.map((attendee) => attendee.stakeholder.name).join(', ')}
              </li>
            )}
            {todo.cooling.length > 0 && (
              <li>
                <strong>Catch up with (past their ideal contact interval):</strong> {todo.cooling.map((attendee) => attendee.stakeholder.name).join(', ')}
              </li>
            )}
            {todo.openFears.map(({ attendee, fear }) => (
              <li key={fear.id}>
                <strong>Answer {attendee.stakeholder.name}:</strong> <span className={classes.quote}>{fearWords(fear)}</span>{' '}
                <span className={classes.muted}>
                  ({FEAR_CATEGORY_LABELS[fear.category]}, {formatDate(fear.voicedOn)})
                </span>
              </li>
            ))}
            {todo.expectations.map(({ attendee, expectation }) => (
              <li key={expectation.id}>
                <strong>Reset with {attendee.stakeholder.name}:</strong> <span className={classes.quote}>“{expectation.expectation}”</span>{' '}
                <span className={classes.muted}>
                  ({expectationConcern(expectation)}, {formatDate(expectation.toldOn)})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className={classes.section}>
        <h2 id="brief-room-heading">The room</h2>
        {/* On a phone the table scrolls inside its own region; on paper it fits the page. */}
        <div className={classes.tableScroll} role="region" aria-labelledby="brief-room-heading" tabIndex={0}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th>Name</th>
                <th>Role</th>
                <th>Stands</th>
                <th>Watch for</th>
                <th>Undecided: looks to</th>
              </tr>
            </thead>
            <tbody>
              {room.map((attendee) => (
                <tr key={attendee.stakeholder.id}>
                  <td>
                    <strong>{attendee.stakeholder.name}</strong>
                  </td>
                  <td>{[attendee.stakeholder.title ?? STAKEHOLDER_ROLE_LABELS[attendee.stakeholder.role], attendee.stakeholder.businessFunction].filter(Boolean).join(', ')}</td>
                  <td>
                    <span className={classes.level}>
                      <span className={classes.dot} style={{ background: dotColor(COMMITMENT_LADDER[attendee.commitment].color) }} />
                      {COMMITMENT_LADDER[attendee.commitment].label}
                    </span>
                  </td>
                  <td>{watchFor(attendee)}</td>
                  <td>
                    {/* Only the undecided: whose lead they are likely to follow. */}
                    {!attendee.onBoard && attendee.looksTo
                      ? `${attendee.looksTo.name} (${COMMITMENT_LADDER[attendee.looksTo.commitment].label.toLowerCase()}${attendee.looksTo.attending ? ', in the room' : ''})`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <p className={classes.footer}>
        Printed {formatDateTime(printedAt.toISOString())} by {printedBy}. Notes about named people: keep it with you and shred it after the
        meeting.
      </p>
    </article>
  );
}
