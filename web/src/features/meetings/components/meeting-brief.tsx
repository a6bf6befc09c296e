import { BRIEF_KEEP_IT_SAFE, COMMITMENT_LADDER, meetingBriefContent, type MeetingReadiness } from '@soundings/shared';
import { formatDateTime } from '@/lib/dates';
import classes from './meeting-brief.module.css';

interface MeetingBriefProps {
  readiness: MeetingReadiness;
  printedBy: string;
  printedAt?: Date;
}

const dotColor = (color: string) => `var(--mantine-color-${color}-6)`;

/** The readiness as a one-page brief to take into the room. */
export function MeetingBrief({ readiness, printedBy, printedAt = new Date() }: MeetingBriefProps) {
  const { meeting } = readiness;
  const brief = meetingBriefContent(readiness);

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
        {brief.figures.map((figure) => (
          <div className={classes.figure} key={figure.label}>
            <strong>{figure.value}</strong>
            <span>{figure.label}</span>
          </div>
        ))}
      </div>

      <section className={classes.section}>
        <h2>Do before the meeting</h2>
        {brief.todo.length === 0 ? (
          <p className={classes.muted}>{brief.nothingToDo}</p>
        ) : (
          <ul>
            {brief.todo.map((line) => (
              <li key={line.key}>
                <strong>{line.lead}</strong> {line.words ? <span className={classes.quote}>{line.text}</span> : line.text}
                {line.note && <span className={classes.muted}> {line.note}</span>}
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
              {brief.room.map((row) => (
                <tr key={row.id}>
                  <td>
                    <strong>{row.name}</strong>
                  </td>
                  <td>{row.role}</td>
                  <td>
                    <span className={classes.level}>
                      <span className={classes.dot} style={{ background: dotColor(COMMITMENT_LADDER[row.commitment].color) }} />
                      {COMMITMENT_LADDER[row.commitment].label}
                    </span>
                  </td>
                  <td>{row.watchFor}</td>
                  <td>{row.looksTo}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <p className={classes.footer}>
        Printed {formatDateTime(printedAt.toISOString())} by {printedBy}. {BRIEF_KEEP_IT_SAFE}
      </p>
    </article>
  );
}
