import { readTrustProxy } from './trust-proxy';

describe('readTrustProxy', () => {
  it('trusts no proxy by default', () => {
    for (const value of [undefined, '', 'false', '0']) expect(readTrustProxy(value)).toEqual({ trustProxy: false, warning: null });
  });

  it('takes a number of hops, or proxy addresses and ranges', () => {
    expect(readTrustProxy('1')).toEqual({ trustProxy: 1, warning: null });
    expect(readTrustProxy('2')).toEqual({ trustProxy: 2, warning: null });
    expect(readTrustProxy('10.0.0.0/8, 192.168.1.7,::1, fd00::/8')).toEqual({ trustProxy: ['10.0.0.0/8', '192.168.1.7', '::1', 'fd00::/8'], warning: null });
  });

  it('takes true as one hop, and says so', () => {
    expect(readTrustProxy('true')).toEqual({ trustProxy: 1, warning: expect.stringContaining('taken as 1') });
  });

  it('refuses anything else at start rather than guess', () => {
    for (const value of ['yes', '10.0.0.0/33', 'proxy.internal', '1.2.3', '10.0.0.1/8/8']) expect(() => readTrustProxy(value)).toThrow(/TRUST_PROXY/);
  });
});
