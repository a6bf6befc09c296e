import type { ChampionVerdict } from '@soundings/shared';

/** How each verdict reads on the champions page: a heading, a one-line explanation and a colour (never alone). */
export const VERDICT_GROUPS: Record<ChampionVerdict, { heading: string; explanation: string; color: string; badge: string }> = {
  qualified: {
    heading: 'Qualifies',
    explanation: 'People look to them, they have made the case without HR in the room, and there is something in it for them.',
    color: 'teal',
    badge: 'Qualifies as champion',
  },
  close: {
    heading: 'Close',
    explanation: 'Real influence and one of the other two tests: one step from a champion.',
    color: 'blue',
    badge: 'Close to champion',
  },
  developing: {
    heading: 'Developing',
    explanation: 'People look to them, but they have not yet made the case or named a stake of their own.',
    color: 'yellow',
    badge: 'Developing champion',
  },
  coach: {
    heading: 'Useful coaches',
    explanation: 'Not enough people look to them yet: useful to learn from and to test the message on, not to carry it.',
    color: 'gray',
    badge: 'Useful coach, not a champion',
  },
};
