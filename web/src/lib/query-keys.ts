/**
 * Roots of every query key. Each feature's factory builds its keys under one of these, and a mutation in
 * one feature invalidates another feature's data through its root, so features never import each other.
 */
export const queryRoots = {
  stakeholders: ['stakeholders'],
  businessFunctions: ['business-functions'],
  soundings: ['soundings'],
  fears: ['fears'],
  dashboard: ['dashboard'],
  session: ['session'],
  users: ['users'],
  audit: ['audit'],
  apiTokens: ['api-tokens'],
  briefings: ['briefings'],
  meetings: ['meetings'],
  settings: ['settings'],
  influences: ['influences'],
  champions: ['champions'],
  coalition: ['coalition'],
  relationships: ['relationships'],
  timing: ['timing'],
  priorities: ['priorities'],
  narratives: ['narratives'],
  expectations: ['expectations'],
  pilots: ['pilots'],
  initiatives: ['initiatives'],
  savedViews: ['saved-views'],
  deletedItems: ['deleted-items'],
} as const;
