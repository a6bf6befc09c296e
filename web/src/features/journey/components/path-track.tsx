import { Badge, VisuallyHidden } from '@mantine/core';
import {
  COMMITMENT_LADDER,
  COMMITMENT_PATH,
  ladderRank,
  type CommitmentLevel,
  type IsoDate,
  type JourneyStage,
} from '@soundings/shared';
import { IconFlag } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { formatDate } from '@/lib/dates';
import classes from './path-track.module.css';

type StepState = 'passed' | 'current' | 'fallen-back' | 'upcoming';

interface PathTrackProps {
  stages: JourneyStage[];
  current: CommitmentLevel;
  required: CommitmentLevel | null;
}

const levelColor = (level: CommitmentLevel) => `var(--mantine-color-${COMMITMENT_LADDER[level].color}-6)`;

function stepState(level: CommitmentLevel, current: CommitmentLevel, reachedOn: IsoDate | null): StepState {
  if (level === current) return 'current';
  if (current === 'resistant') return reachedOn ? 'passed' : 'upcoming';
  if (ladderRank(level) < ladderRank(current)) return 'passed';
  return reachedOn ? 'fallen-back' : 'upcoming';
}

function dateText(level: CommitmentLevel, state: StepState, reachedOn: IsoDate | null): string {
  if (reachedOn) return state === 'fallen-back' ? `${formatDate(reachedOn)}, since left` : formatDate(reachedOn);
  if (level === 'not_sounded') return 'Start';
  // A level can be passed over (a first sounding straight to open): it was never recorded, so it has no date.
  return state === 'upcoming' ? 'Not yet' : 'Passed over';
}

/** "Now" over the current step, filled in its level's colour as the theme fills a badge: readable at 4.5:1 on every hue. */
function NowPill({ level }: { level: CommitmentLevel }) {
  return (
    <Badge variant="filled" color={COMMITMENT_LADDER[level].color} size="sm" radius="xl">
      Now
    </Badge>
  );
}

/** The commitment ladder drawn as a track: when each step was reached, where the person is now, and what is required. */
export function PathTrack({ stages, current, required }: PathTrackProps) {
  const reached = new Map(stages.map((stage) => [stage.level, stage.reachedOn]));
  const currentRank = ladderRank(current);
  const resistantOn = reached.get('resistant') ?? null;
  const resistantNow = current === 'resistant';

  return (
    <div className={classes.frame}>
      <div className={classes.root}>
        <ol className={classes.track} aria-label="Path to public support">
          {COMMITMENT_PATH.map((level, index) => {
            const reachedOn = reached.get(level) ?? null;
            const state = stepState(level, current, reachedOn);
            const connectorLit = !resistantNow && index <= currentRank;
            const next = COMMITMENT_PATH[index + 1];
            const style = {
              '--level-color': levelColor(level),
              '--connector': connectorLit ? levelColor(level) : undefined,
              // Running down the card, each step draws the connector to the next one (see the module's phone layout).
              '--connector-next': next && !resistantNow && index + 1 <= currentRank ? levelColor(next) : undefined,
            } as CSSProperties;
            return (
              <li
                key={level}
                className={classes.step}
                data-state={state}
                data-level={level}
                aria-current={state === 'current' ? 'step' : undefined}
                style={style}
              >
                <div className={classes.marker}>{state === 'current' && <NowPill level={level} />}</div>
                <div className={classes.nodeSlot}>
                  <span className={classes.node} data-state={state} data-muted={resistantNow && state === 'passed'} />
                </div>
                <div className={classes.label}>{COMMITMENT_LADDER[level].label}</div>
                <div className={classes.date}>{dateText(level, state, reachedOn)}</div>
                {required === level && (
                  <span className={classes.required} title="The level this person must reach">
                    <IconFlag size={11} stroke={2} aria-hidden /> Required
                  </span>
                )}
                {state === 'current' && <VisuallyHidden>(current position)</VisuallyHidden>}
              </li>
            );
          })}
        </ol>
        {(resistantNow || resistantOn) && (
          <div
            className={classes.offPath}
            data-state={resistantNow ? 'current' : 'fallen-back'}
            aria-current={resistantNow ? 'step' : undefined}
            aria-label={resistantNow ? 'Resistant now, off the path' : 'Was resistant earlier'}
            role="group"
            style={{ '--level-color': levelColor('resistant') } as CSSProperties}
          >
            <div className={classes.marker}>{resistantNow && <NowPill level="resistant" />}</div>
            <div className={classes.nodeSlot}>
              <span className={classes.node} data-state={resistantNow ? 'current' : 'fallen-back'} />
            </div>
            <div className={classes.label}>{COMMITMENT_LADDER.resistant.label}</div>
            <div className={classes.date}>{resistantOn ? formatDate(resistantOn) : 'No date'}</div>
            <div className={classes.offPathCaption}>Off the path</div>
          </div>
        )}
      </div>
    </div>
  );
}
