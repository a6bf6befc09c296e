import type fs from 'node:fs';
import { canWalkTo } from './cluster-placement';

describe('canWalkTo', () => {
  const folders = (modes: Record<string, [mode: number, uid: number, gid: number]>) => (dir: string) => {
    const [mode, uid, gid] = modes[dir];
    return { mode: 0o040000 | mode, uid, gid } as fs.Stats;
  };
  const tree = folders({
    '/': [0o755, 0, 0],
    '/root': [0o700, 0, 0],
    '/root/checkout': [0o755, 0, 0],
    '/srv': [0o755, 0, 0],
    '/srv/team': [0o750, 0, 50],
    '/srv/team/checkout': [0o755, 0, 50],
  });
  const postgres = { uid: 101, gid: 104 };

  it('refuses a folder below a private one, however open the folder itself is', () => {
    expect(canWalkTo('/root/checkout', postgres, tree)).toBe(false);
    expect(canWalkTo('/root/checkout', null, tree)).toBe(false);
  });

  it('allows folders every user can enter', () => {
    expect(canWalkTo('/srv', postgres, tree)).toBe(true);
  });

  it('reads the group bits for a member of the folder group, and the other bits for everyone else', () => {
    expect(canWalkTo('/srv/team/checkout', { uid: 101, gid: 50 }, tree)).toBe(true);
    expect(canWalkTo('/srv/team/checkout', postgres, tree)).toBe(false);
    // A user not created yet has no folder group of its own.
    expect(canWalkTo('/srv/team/checkout', null, tree)).toBe(false);
  });
});
