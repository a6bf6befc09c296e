import { OidcLoginSealer, PendingOidcLogin } from './oidc-login-cookie';

const pending: PendingOidcLogin = {
  state: 'state-value',
  nonce: 'nonce-value',
  codeVerifier: 'verifier-value',
  redirectUri: 'https://soundings.example.test/api/auth/oidc/callback',
  expiresAt: Math.floor(Date.now() / 1000) + 600,
};

describe('OidcLoginSealer', () => {
  const sealer = new OidcLoginSealer('client secret');

  it('opens what it sealed, and what another instance with the same secret sealed', () => {
    expect(sealer.open(sealer.seal(pending))).toEqual(pending);
    expect(new OidcLoginSealer('client secret').open(sealer.seal(pending))).toEqual(pending);
  });

  it('hides the state, nonce and PKCE verifier from the browser', () => {
    const sealed = Buffer.from(sealer.seal(pending), 'base64url').toString('latin1');
    for (const secret of [pending.state, pending.nonce, pending.codeVerifier]) expect(sealed).not.toContain(secret);
  });

  it('refuses a changed, foreign, expired or missing value', () => {
    const sealed = sealer.seal(pending);
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[20] ^= 1;
    expect(sealer.open(flipped.toString('base64url'))).toBeNull();
    expect(new OidcLoginSealer('another secret').open(sealed)).toBeNull();
    expect(sealer.open(sealed, (pending.expiresAt + 1) * 1000)).toBeNull();
    expect(sealer.open(undefined)).toBeNull();
    expect(sealer.open('short')).toBeNull();
    expect(sealer.open('not base64url at all: ü')).toBeNull();
  });
});
