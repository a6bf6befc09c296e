import { readOidcConfig } from './oidc.config';

const complete = { OIDC_ISSUER: 'https://login.example.test/tenant', OIDC_CLIENT_ID: 'soundings', OIDC_CLIENT_SECRET: 's3cret' };

describe('readOidcConfig', () => {
  it('leaves single sign-on off when nothing is set', () => {
    expect(readOidcConfig({})).toBeNull();
  });

  it('reads issuer, client and an optional redirect URL', () => {
    expect(readOidcConfig(complete)).toEqual({
      issuer: new URL('https://login.example.test/tenant'),
      clientId: 'soundings',
      clientSecret: 's3cret',
      redirectUrl: null,
      allowInsecureRequests: false,
    });
    expect(readOidcConfig({ ...complete, OIDC_REDIRECT_URL: 'https://soundings.example.test/api/auth/oidc/callback' })?.redirectUrl).toBe(
      'https://soundings.example.test/api/auth/oidc/callback',
    );
  });

  it.each(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'])('refuses to start with %s missing', (name) => {
    expect(() => readOidcConfig({ ...complete, [name]: '' })).toThrow(/needs all of/);
  });

  it('wants https, except for a provider on this machine', () => {
    expect(() => readOidcConfig({ ...complete, OIDC_ISSUER: 'http://login.example.test' })).toThrow(/https/);
    expect(() => readOidcConfig({ ...complete, OIDC_ISSUER: 'not a url' })).toThrow(/absolute URL/);
    expect(readOidcConfig({ ...complete, OIDC_ISSUER: 'http://127.0.0.1:4000' })?.allowInsecureRequests).toBe(true);
    expect(readOidcConfig({ ...complete, OIDC_ISSUER: 'http://localhost:4000' })?.allowInsecureRequests).toBe(true);
  });

  it('refuses a redirect URL that is not an http(s) URL', () => {
    expect(() => readOidcConfig({ ...complete, OIDC_REDIRECT_URL: '/api/auth/oidc/callback' })).toThrow(/OIDC_REDIRECT_URL/);
    expect(() => readOidcConfig({ ...complete, OIDC_REDIRECT_URL: 'javascript:alert(1)' })).toThrow(/OIDC_REDIRECT_URL/);
  });
});
