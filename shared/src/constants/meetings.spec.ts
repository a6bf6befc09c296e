import { meetingVerdict, meetingVerdictReasons, type MeetingReadinessCounts } from './meetings';

const room = (counts: Partial<MeetingReadinessCounts>): MeetingReadinessCounts => ({
  attendees: 4,
  onBoard: 4,
  atRequired: 3,
  withRequired: 3,
  notSounded: 0,
  resistant: 0,
  ...counts,
});

describe('meeting verdict', () => {
  it('is ready when everyone was sounded, no one resists and everyone with a required level stands at it', () => {
    expect(meetingVerdict(room({}))).toBe('ready');
    expect(meetingVerdictReasons(room({}))).toEqual([]);
  });

  it('is not ready while anyone was never sounded, resists or stands below their required level, and says why', () => {
    expect(meetingVerdict(room({ notSounded: 1 }))).toBe('not_ready');
    expect(meetingVerdict(room({ resistant: 1 }))).toBe('not_ready');
    expect(meetingVerdict(room({ atRequired: 1 }))).toBe('not_ready');
    expect(meetingVerdictReasons(room({ notSounded: 2, resistant: 1, atRequired: 1 }))).toEqual([
      '2 never sounded one to one',
      '1 resistant',
      '2 below their required level',
    ]);
  });

  it('says no one is invited to an empty room rather than calling it ready', () => {
    expect(meetingVerdict(room({ attendees: 0, onBoard: 0, atRequired: 0, withRequired: 0 }))).toBe('no_attendees');
  });
});
