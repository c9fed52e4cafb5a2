import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RouteRoleResolver } from '../../src/roles';
import { LowdbRoster } from '../../src/storage';
import { StaticRoster } from '../helpers';

describe('RouteRoleResolver', () => {
  const resolver = new RouteRoleResolver(new StaticRoster({ 'trainee-1': 'trainee', 'chef-1': 'supervisor' }));

  it('makes /api/messages users agents unless the roster says otherwise', () => {
    expect(resolver.resolve({ route: 'messages', channelId: 'msteams', userId: 'someone' })).toBe('agent');
    expect(resolver.resolve({ route: 'messages', channelId: 'msteams', userId: 'trainee-1' })).toBe('trainee');
    expect(resolver.resolve({ route: 'messages', channelId: 'webchat', userId: 'chef-1' })).toBe('supervisor');
  });

  it('makes kiosk users public whatever the roster says', () => {
    expect(resolver.resolve({ route: 'kiosk', channelId: 'kiosk', userId: 'chef-1' })).toBe('public');
    const grant = { role: 'supervisor' as const, team: 'nord' };
    expect(resolver.resolve({ route: 'kiosk', channelId: 'kiosk', userId: 'chef-1', grant })).toBe('public');
  });

  it("gives web chat users their invitation's role and team, and nobody without one more than public", () => {
    const grant = { role: 'trainee' as const, team: 'sud' };
    expect(resolver.resolve({ route: 'webchat', channelId: 'webchat', userId: 'chef-1', grant })).toBe('trainee');
    expect(resolver.teamOf('chef-1', grant)).toBe('sud');
    expect(resolver.teamOf('chef-1', { role: 'agent' })).toBeUndefined();
    expect(resolver.resolve({ route: 'webchat', channelId: 'webchat', userId: 'chef-1' })).toBe('public');
  });
});

describe('LowdbRoster', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relais-roster-'));

  it('treats a missing file as an empty roster', async () => {
    const roster = await new LowdbRoster(join(dir, 'none.json')).load();
    expect(roster.size).toBe(0);
  });

  it('reads roles from the roster file', async () => {
    const path = join(dir, 'roster.json');
    writeFileSync(path, JSON.stringify({ users: [{ id: 'u-9', role: 'trainee', name: 'Léa' }] }));
    expect((await new LowdbRoster(path).load()).roleOf('u-9')).toBe('trainee');
  });

  it('stops with the file and field named when the roster is invalid', async () => {
    const path = join(dir, 'bad.json');
    writeFileSync(path, JSON.stringify({ users: [{ id: 'u-9', role: 'boss' }] }));
    await expect(new LowdbRoster(path).load()).rejects.toThrow(/bad\.json at users\.0\.role/);
  });
});
