import { isIP } from 'node:net';

/** What Fastify's `trustProxy` is given: nothing, a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

export interface TrustProxySetting {
  trustProxy: TrustProxy;
  /** Said once at start when the value was taken to mean something safer than it reads. */
  warning: string | null;
}

function isAddressOrRange(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * TRUST_PROXY says which proxies may speak for the client in X-Forwarded-For: a number of hops in
 * front of the app (`1` for one reverse proxy), or their addresses and CIDR ranges. Believing every
 * hop would let any client pick its own address, and so a fresh sign-in throttle and whatever
 * address the audit trail records: `true` is taken as one hop, with a warning.
 */
export function readTrustProxy(value: string | undefined): TrustProxySetting {
  const setting = (value ?? '').trim();
  if (setting === '' || setting === 'false' || setting === '0') return { trustProxy: false, warning: null };
  if (setting === 'true') {
    return {
      trustProxy: 1,
      warning:
        'TRUST_PROXY=true is taken as 1 (one proxy in front): trusting every hop would let a client choose its own address. Set the number of proxies, or their addresses.',
    };
  }
  if (/^\d+$/.test(setting)) return { trustProxy: Number(setting), warning: null };
  const entries = setting.split(',').map((entry) => entry.trim()).filter(Boolean);
  const invalid = entries.filter((entry) => !isAddressOrRange(entry));
  if (invalid.length > 0) {
    throw new Error(`TRUST_PROXY must be false, a number of proxy hops, or proxy addresses/CIDR ranges separated by commas; "${invalid.join('", "')}" is none of these`);
  }
  return { trustProxy: entries, warning: null };
}
