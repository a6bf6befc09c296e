import type { CommitmentLevel } from '../constants/commitment-ladder';
import type { StakeholderContactFilter } from '../constants/campaign';
import type { StakeholderRole, StakeholderSort } from '../constants/enums';
import type { IsoDateTime } from './api';
import type { HeldForRestore } from './deleted-items';

/** A saved view's filters and sort: the stakeholder list's query without its page, each list as a list. */
export interface StakeholderViewFilters {
  q?: string;
  commitment?: CommitmentLevel[];
  role?: StakeholderRole[];
  businessFunction?: string[];
  potentialChampion?: boolean;
  cooling?: boolean;
  contact?: StakeholderContactFilter[];
  overdue?: boolean;
  sort?: StakeholderSort;
}

/** A named filter and sort of the stakeholder list, kept for the account that saved it. */
export interface SavedView {
  id: string;
  name: string;
  filters: StakeholderViewFilters;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface CreateSavedViewRequest {
  name: string;
  filters: StakeholderViewFilters;
}

export type UpdateSavedViewRequest = Partial<CreateSavedViewRequest> & { version?: number };

/** Everything held about the signed-in account, for them to take away. */
export interface AccountExport {
  exportedAt: IsoDateTime;
  account: { id: string; email: string; displayName: string | null; role: string; createdAt: IsoDateTime };
  savedViews: SavedView[];
  /** The account's deleted views still held for restore, with their rows as stored. */
  heldForRestore: HeldForRestore[];
}
