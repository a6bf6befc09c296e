import { applyDecorators, type StreamableFile } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type * as shared from '@soundings/shared';

/**
 * The shared types an operation may answer with, by the name their schema has in the document
 * (generated from these very types by shared/scripts/build-schemas.js).
 */
export interface ResponseTypes {
  AccountExport: shared.AccountExport;
  AppSettings: shared.AppSettings;
  ApiToken: shared.ApiToken;
  AuditEntryPage: shared.AuditEntryPage;
  AuditVerification: shared.AuditVerification;
  Briefing: shared.Briefing;
  BriefingPage: shared.BriefingPage;
  BriefingPlan: shared.BriefingPlan;
  BusinessFunctionOption: shared.BusinessFunctionOption;
  ChampionEvidence: shared.ChampionEvidence;
  ChampionEvidencePage: shared.ChampionEvidencePage;
  ChampionList: shared.ChampionList;
  CoalitionNetwork: shared.CoalitionNetwork;
  CommitmentChange: shared.CommitmentChange;
  CommitmentTrend: shared.CommitmentTrend;
  ConductedSoundings: shared.ConductedSoundings;
  CreatedApiToken: shared.CreatedApiToken;
  Dashboard: shared.Dashboard;
  ErasureResult: shared.ErasureResult;
  Expectation: shared.Expectation;
  ExpectationPage: shared.ExpectationPage;
  Fear: shared.Fear;
  FearPage: shared.FearPage;
  HealthStatus: shared.HealthStatus;
  Influence: shared.Influence;
  InfluencePage: shared.InfluencePage;
  Initiative: shared.Initiative;
  InitiativePage: shared.InitiativePage;
  IssuedPasswordReset: shared.IssuedPasswordReset;
  Journey: shared.Journey;
  LogoutEverywhereResult: shared.LogoutEverywhereResult;
  Meeting: shared.Meeting;
  MeetingReadiness: shared.MeetingReadiness;
  MeetingListPage: shared.MeetingListPage;
  MeetingSummaryPage: shared.MeetingSummaryPage;
  Narrative: shared.Narrative;
  NarrativeResonance: shared.NarrativeResonance;
  Priority: shared.Priority;
  PriorityPage: shared.PriorityPage;
  FunctionCoverage: shared.FunctionCoverage;
  PilotDetail: shared.PilotDetail;
  PilotPage: shared.PilotPage;
  PilotsDashboard: shared.PilotsDashboard;
  ProofPoint: shared.ProofPoint;
  Relationship: shared.Relationship;
  RelationshipHolder: shared.RelationshipHolder;
  RelationshipMatrix: shared.RelationshipMatrix;
  RelationshipPage: shared.RelationshipPage;
  ResponsibilityReport: shared.ResponsibilityReport;
  SavedView: shared.SavedView;
  Session: shared.Session;
  SetupStatus: shared.SetupStatus;
  SignInMethods: shared.SignInMethods;
  SlippingPerson: shared.SlippingPerson;
  Sounding: shared.Sounding;
  SoundingRecommendations: shared.SoundingRecommendations;
  Stakeholder: shared.Stakeholder;
  StakeholderExport: shared.StakeholderExport;
  StakeholderInfluence: shared.StakeholderInfluence;
  StakeholderPage: shared.StakeholderPage;
  TopTeamCockpit: shared.TopTeamCockpit;
  SuggestedBriefers: shared.SuggestedBriefers;
  StakeholderTiming: shared.StakeholderTiming;
  TimingWindow: shared.TimingWindow;
  TimingWindowPage: shared.TimingWindowPage;
  User: shared.User;
  DeletedItemPage: shared.DeletedItemPage;
  RestoredItem: shared.RestoredItem;
}
export type ResponseName = keyof ResponseTypes;

/** A route handler whose result is `T` (or a promise of it): the compiler holds the route to the type it documents. */
type Handler<T> = (...args: never[]) => T | Promise<T>;

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Documents the route's answer as the shared type `name`; the handler must return that type. */
export function ApiResult<K extends ResponseName>(name: K, options: { status?: 200 | 201; description?: string } = {}) {
  return <H extends Handler<ResponseTypes[K]>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    ApiResponse({ status: options.status ?? 200, description: options.description ?? name, schema: schemaRef(name) })(target, key, descriptor);
  };
}

/** Documents the route's answer as a JSON array of the shared type `name`. */
export function ApiResultList<K extends ResponseName>(name: K, options: { status?: 200 | 201; description?: string } = {}) {
  return <H extends Handler<ResponseTypes[K][]>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    ApiResponse({ status: options.status ?? 200, description: options.description ?? `${name} list`, schema: { type: 'array', items: schemaRef(name) } })(
      target,
      key,
      descriptor,
    );
  };
}

/** Documents a file download (`mediaType`, sent as an attachment): the handler returns a StreamableFile. */
export function ApiFile(mediaType: string, description: string) {
  return <H extends Handler<StreamableFile>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    ApiResponse({
      status: 200,
      description,
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
      headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
    })(target, key, descriptor);
  };
}

/** Documents a 204: the handler returns nothing. */
export function ApiNoContent(description = 'Done; no body') {
  return <H extends Handler<void>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>): void => {
    ApiResponse({ status: 204, description })(target, key, descriptor);
  };
}

/** Documents a 302 to the `Location` header (browser sign-in flows). */
export function ApiRedirect(description: string) {
  return applyDecorators(
    ApiResponse({ status: 302, description, headers: { Location: { description: 'Where the browser goes next', schema: { type: 'string' } } } }),
  );
}

export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `fields` names each offending field',
  401: 'Not signed in (no valid session cookie or API token), or wrong credentials',
  403: 'Signed in, but this role may not do this, or a cookie-authenticated write lacks its X-CSRF-Token',
  404: 'No such record (or, on single sign-on routes, single sign-on is not configured)',
  409: 'A conflict: a newer version exists (`current` holds it), the record already exists, or a concurrent write won',
  413: 'The body is larger than 1 MiB',
  414: 'A path segment is too long',
  415: 'The body is not JSON',
  428: 'No version sent: send the version you loaded (body `version` or If-Match)',
  429: 'Too many requests; retry after the `Retry-After` seconds',
  503: 'The database is not reachable; retry shortly',
};

/** Error answers beyond the standard ones the document gives every route (see standardErrors in openapi-document.ts). */
export function ApiErrors(...statuses: (keyof typeof ERROR_DESCRIPTIONS)[]) {
  return applyDecorators(...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], schema: schemaRef('ApiErrorBody') })));
}
