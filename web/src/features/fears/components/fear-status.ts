import type { FearStatus } from '@soundings/shared';

export const FEAR_STATUS_COLORS: Record<FearStatus, string> = {
  open: 'orange',
  addressing: 'blue',
  resolved: 'teal',
};
