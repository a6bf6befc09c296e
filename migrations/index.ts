import { InitialSchema1764180000000 } from './1764180000000-InitialSchema';
import { AccountsSessionsAudit1764190000000 } from './1764190000000-AccountsSessionsAudit';
import { BriefingsAndMeetings1764200000000 } from './1764200000000-BriefingsAndMeetings';
import { RefoldSearchText1764210000000 } from './1764210000000-RefoldSearchText';
import { SearchByBusinessFunction1764610000000 } from './1764610000000-SearchByBusinessFunction';
import { DataProtection1764225000000 } from './1764225000000-DataProtection';
import { WordsWrittenAfterRemoval1764226000000 } from './1764226000000-WordsWrittenAfterRemoval';
import { FirstAccountMarker1764300000000 } from './1764300000000-FirstAccountMarker';
import { PasswordResets1764301000000 } from './1764301000000-PasswordResets';
import { KeyedAuditChain1764310000000 } from './1764310000000-KeyedAuditChain';
import { CoalitionIntelligence1764400000000 } from './1764400000000-CoalitionIntelligence';
import { CampaignProgramme1764500000000 } from './1764500000000-CampaignProgramme';
import { ListsAndSavedViews1764620000000 } from './1764620000000-ListsAndSavedViews';
import { DeletedItems1764640000000 } from './1764640000000-DeletedItems';
import { SoundingConductor1764600000000 } from './1764600000000-SoundingConductor';
import { AuditSealedAfterCommit1764720000000 } from './1764720000000-AuditSealedAfterCommit';
import { StakeholdersRoomToUpdateInPlace1764720000001 } from './1764720000001-StakeholdersRoomToUpdateInPlace';
import { SortedListIndexes1764700000000 } from './1764700000000-SortedListIndexes';
import { SavedViewsHeldForRestore1764810000000 } from './1764810000000-SavedViewsHeldForRestore';
import { DashboardIndexes1764800000000 } from './1764800000000-DashboardIndexes';

/** Every migration, oldest first. Add new ones here as well as in this folder. */
export const migrations = [
  InitialSchema1764180000000,
  AccountsSessionsAudit1764190000000,
  BriefingsAndMeetings1764200000000,
  RefoldSearchText1764210000000,
  DataProtection1764225000000,
  WordsWrittenAfterRemoval1764226000000,
  FirstAccountMarker1764300000000,
  PasswordResets1764301000000,
  KeyedAuditChain1764310000000,
  CoalitionIntelligence1764400000000,
  CampaignProgramme1764500000000,
  SearchByBusinessFunction1764610000000,
  ListsAndSavedViews1764620000000,
  DeletedItems1764640000000,
  SoundingConductor1764600000000,
  AuditSealedAfterCommit1764720000000,
  StakeholdersRoomToUpdateInPlace1764720000001,
  SortedListIndexes1764700000000,
  SavedViewsHeldForRestore1764810000000,
  DashboardIndexes1764800000000,
];
