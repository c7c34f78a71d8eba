/**
 * The embedded database loses nothing the server acknowledged (issue 2 item 3): writes through the
 * server, SIGKILL, restart, and every acknowledged write is there, with the audit chain intact.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from './server-process';

async function signIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

describe('the embedded database after SIGKILL', () => {
  it('keeps every write the server acknowledged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'komek-kill-'));
    try {
      const first = await startServerProcess(dir);
      const cookie = await signIn(first.url, 'admin', 'komek-demo');
      const acknowledged: string[] = [];
      for (let i = 0; i < 15; i++) {
        const username = `clerk.${i}`;
        const res = await fetch(`${first.url}/api/users`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ username, fullName: `Clerk ${i}`, role: 'SPECIALIST', password: 'a-long-password' }) });
        if (res.status === 201) acknowledged.push(username);
      }
      expect(acknowledged).toHaveLength(15);
      await first.kill('SIGKILL');

      const second = await startServerProcess(dir);
      try {
        const cookie2 = await signIn(second.url, 'admin', 'komek-demo');
        const { users } = (await (await fetch(`${second.url}/api/users`, { headers: { cookie: cookie2 } })).json()) as { users: { username: string }[] };
        const names = new Set(users.map((u) => u.username));
        for (const a of acknowledged) expect(names.has(a)).toBe(true);
        const verify = (await (await fetch(`${second.url}/api/audit/verify`, { headers: { cookie: cookie2 } })).json()) as { ok: boolean };
        expect(verify.ok).toBe(true);
      } finally {
        await second.kill();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
