/** The signed-in person's own account: what they may change about themselves. */
export interface UpdateOwnAccountRequest {
  /** How the app names you (the account menu, printed briefs); null clears it (your email shows instead); left out keeps it. */
  displayName?: string | null;
  /** The version of your account you loaded; a stale one gets 409 with the current account. Or send If-Match. */
  version?: number;
}
