import { expect, it, beforeAll } from 'vitest';
import { describeDb } from '../../test/db';
import { runCommand, fixedClock } from '../context';
import { verifyAudit, canonicalJson } from './audit';
import type { Database } from '../db/connect';

async function writeEntries(database: Database, n: number): Promise<void> {
  const clock = fixedClock('2025-01-10T04:00:00Z');
  for (let i = 0; i < n; i++) {
    await runCommand({ database, clock, actor: null }, { action: 'test.touch', targetType: 'thing' }, async () => ({ result: null, targetId: `t${i}`, after: { i } }));
  }
}

describeDb('the audit log', (getDb) => {
  beforeAll(async () => {
    await writeEntries(getDb(), 40);
  });

  it('verifies an untouched log', async () => {
    const r = await verifyAudit(getDb());
    expect(r).toMatchObject({ ok: true, firstBroken: null });
    expect(r.checked).toBe(40);
  });

  it('refuses UPDATE and DELETE on audit entries', async () => {
    await expect(getDb().exec("update audit_entry set action = 'x' where id = 1")).rejects.toThrow(/append-only/);
    await expect(getDb().exec('delete from audit_entry where id = 1')).rejects.toThrow(/append-only/);
  });

  it('writes nothing when the change itself fails', async () => {
    const [{ n: before }] = (await getDb().query<{ n: number }>('select count(*)::int as n from audit_entry')) as [{ n: number }];
    await expect(runCommand({ database: getDb(), clock: fixedClock('2025-01-10T04:00:00Z'), actor: null }, { action: 'test.fail', targetType: 'thing' }, async ({ sql }) => {
      await sql.query("select 1");
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const [{ n: after }] = (await getDb().query<{ n: number }>('select count(*)::int as n from audit_entry')) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('reports the first broken link after someone tampers with a payload behind the trigger', async () => {
    const database = getDb();
    const [victim] = await database.query<{ id: string; lane: number }>("select id, lane from audit_entry where target_id = 't17'");
    await database.exec('alter table audit_entry disable trigger audit_entry_no_update');
    await database.query(`update audit_entry set payload = replace(payload, '"i":17', '"i":71') where id = $1`, [victim!.id]);
    await database.exec('alter table audit_entry enable trigger audit_entry_no_update');
    const r = await verifyAudit(database);
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toMatchObject({ id: Number(victim!.id), lane: victim!.lane, reason: 'hash does not match the payload' });
  });

  it('reports a removed entry as a broken link in its lane', async () => {
    const database = getDb();
    const tampered = (await verifyAudit(database)).firstBroken!.lane;
    // An entry with a successor in its lane, in a lane not already broken by the previous test.
    const [victim] = await database.query<{ id: string; lane: number }>(
      'select e.id, e.lane from audit_entry e where e.lane <> $1 and exists (select 1 from audit_entry n where n.lane = e.lane and n.seq = e.seq + 1) order by e.id limit 1',
      [tampered],
    );
    const [next] = await database.query<{ id: string }>('select id from audit_entry where lane = $1 and id > $2 order by id limit 1', [victim!.lane, victim!.id]);
    await database.exec('alter table audit_entry disable trigger audit_entry_no_update');
    await database.query('delete from audit_entry where id = $1', [victim!.id]);
    await database.exec('alter table audit_entry enable trigger audit_entry_no_update');
    const r = await verifyAudit(database);
    expect(r.ok).toBe(false);
    expect(r.brokenLanes.find((b) => b.lane === victim!.lane)).toMatchObject({ id: Number(next!.id), reason: expect.stringMatching(/^sequence gap/) });
  });
});

it('hashes the same payload the same way whatever the key order', () => {
  expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
});
