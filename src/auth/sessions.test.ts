import { afterEach, expect, it, vi } from 'vitest';
import { describeDb } from '../../test/db';
import { fixedClock } from '../context';
import { addUser } from '../admin/add-user';
import { changeUser } from '../admin/change-user';
import { actorForToken, SESSION_CACHE_MS, signIn, signOut } from './sessions';

const policy = { sessionHours: 8, maxFailures: 5, lockMinutes: 15 };

describeDb('the per-process session cache', (getDb) => {
  const clock = fixedClock('2025-03-04T05:00:00Z');
  let n = 0;
  const signedIn = async () => {
    const username = `cache.user${++n}`;
    await addUser({ database: getDb(), clock, actor: null }, { username, fullName: 'Cache User', role: 'SPECIALIST', password: 'cache-password-1', ruralDistrictId: null });
    return signIn({ database: getDb(), clock, policy }, { username, password: 'cache-password-1', clientKey: 'test' });
  };
  afterEach(() => vi.restoreAllMocks());

  it('ends a session at once when it is signed out in this process', async () => {
    const s = await signedIn();
    expect((await actorForToken(getDb(), s.token, clock.now()))?.id).toBe(s.actor.id);
    await signOut({ database: getDb(), clock, actor: s.actor }, s.token);
    expect(await actorForToken(getDb(), s.token, clock.now())).toBeNull();
  });

  it('drops a deactivated or re-roled user at once', async () => {
    const admin = { id: '00000000-0000-4000-8000-000000000000', username: 'admin', fullName: 'Admin', role: 'ADMIN' as const, ruralDistrictId: null };
    const a = await signedIn();
    const b = await signedIn();
    expect(await actorForToken(getDb(), a.token, clock.now())).not.toBeNull();
    expect(await actorForToken(getDb(), b.token, clock.now())).not.toBeNull();
    await changeUser({ database: getDb(), clock, actor: admin }, a.actor.id, { active: false });
    await changeUser({ database: getDb(), clock, actor: admin }, b.actor.id, { role: 'HEAD' });
    expect(await actorForToken(getDb(), a.token, clock.now())).toBeNull();
    expect(await actorForToken(getDb(), b.token, clock.now())).toBeNull();
  });

  it('never serves a session past its expiry by the request clock', async () => {
    const s = await signedIn();
    expect(await actorForToken(getDb(), s.token, clock.now())).not.toBeNull();
    expect(await actorForToken(getDb(), s.token, s.expiresAt)).toBeNull();
  });

  it('sees a change made by another process within SESSION_CACHE_MS', async () => {
    const s = await signedIn();
    let ms = 1_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => ms);
    expect(await actorForToken(getDb(), s.token, clock.now())).not.toBeNull();
    // Another process ends the session: this process does not know until its cached entry is too old.
    await getDb().query('update app_session set ended_at = $2 where user_id = $1', [s.actor.id, clock.now().toString()]);
    ms += SESSION_CACHE_MS - 1;
    expect(await actorForToken(getDb(), s.token, clock.now())).not.toBeNull();
    ms += 2;
    expect(await actorForToken(getDb(), s.token, clock.now())).toBeNull();
  });
});
