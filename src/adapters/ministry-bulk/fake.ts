/**
 * The bulk form 7 path of the development ministry fake: the same synthetic registry that
 * FakeMinistrySystem pages through (reg_benefit ⋈ reg_person), staged set-based by one INSERT … SELECT per
 * keyset range. The contract test (contract.test.ts) checks it stages exactly what paging through
 * FakeMinistrySystem and applying the run's rules in Node gives.
 */
import type { Sql } from '../../db/connect';
import type { Form7Stager, StageQuery, StageResult } from './port';

interface StageCounts {
  rows: string;
  dead: string;
  terminated: string;
  no_account: string;
  staged: string;
}

/** One range of form 7 (reg_benefit ⋈ reg_person) staged with the run's exclusions, one row per IIN (the highest amount). */
function stageSql(mode: 'plain' | 'on-conflict'): string {
  return `with cat as (select * from unnest($5::text[], $6::text[], $7::bigint[]) as c(form7, holiday, amount)),
            src as (
              select b.id, p.iin, concat_ws(' ', p.last_name, p.first_name, p.patronymic) as full_name, p.rural_district_id, b.iban, c.holiday, c.amount,
                     (p.death_date is not null and p.death_date <= $3::date) as dead,
                     (b.date_to is not null and b.date_to < $3::date) as terminated,
                     coalesce(komek_iban_ok(b.iban), false) as iban_ok
                from reg_benefit b join reg_person p on p.id = b.person_id join cat c on c.form7 = b.category
               where b.id > $2 and b.id <= $4 and b.date_from <= $3::date),
            ins as (
              insert into holiday_candidate (run_id, iin, full_name, rural_district_id, category, iban, amount_tiyn)
              select distinct on (iin) $1::uuid, iin, full_name, rural_district_id, holiday, iban, amount from src
               where not dead and not terminated and iban_ok order by iin, amount desc, id
              ${mode === 'plain' ? '' : `on conflict (run_id, iin) do update set amount_tiyn = excluded.amount_tiyn, category = excluded.category, iban = excluded.iban
                where excluded.amount_tiyn > holiday_candidate.amount_tiyn`}
              returning (xmax = 0) as fresh)
       select count(*)::text as rows, count(*) filter (where dead)::text as dead, count(*) filter (where terminated and not dead)::text as terminated,
              count(*) filter (where not dead and not terminated and not iban_ok)::text as no_account,
              (select count(*) from ins where fresh)::text as staged
         from src`;
}

function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x && i < 5; x = (x as { cause?: unknown }).cause, i++) if ((x as { code?: unknown }).code === '23505') return true;
  return false;
}

export const registryForm7Stager: Form7Stager = {
  async stageActiveRecipients(sql: Sql, q: StageQuery): Promise<StageResult> {
    const [bound] = await sql.query<{ upto: string | null; last: string | null }>(
      `select max(id)::text as upto, (select max(id) from reg_benefit)::text as last
         from (select id from reg_benefit where id > $1 order by id limit $2) r`,
      [q.afterId, q.limit],
    );
    const upto = bound?.upto === null || bound?.upto === undefined ? null : Number(bound.upto);
    if (upto === null) return { rows: 0, dead: 0, terminated: 0, noAccount: 0, staged: 0, nextAfterId: null };
    const params = [q.runId, q.afterId, q.asOf.toString(), upto, q.categories.map((c) => c.form7), q.categories.map((c) => c.holidayCategory), q.categories.map((c) => c.amountTiyn)];
    // A plain INSERT first: ON CONFLICT's speculative insertion costs a fifth of the step at a million rows,
    // and only a recipient already staged by an earlier range (a second benefit further on) needs it; the
    // primary key (run, IIN) refuses such a range whole, which is then staged again keeping the higher amount.
    await sql.query('savepoint komek_stage');
    let r: StageCounts;
    try {
      [r] = (await sql.query<StageCounts>(stageSql('plain'), params)) as [StageCounts];
      await sql.query('release savepoint komek_stage');
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      await sql.query('rollback to savepoint komek_stage');
      [r] = (await sql.query<StageCounts>(stageSql('on-conflict'), params)) as [StageCounts];
    }
    const last = Number(bound!.last);
    return { rows: Number(r!.rows), dead: Number(r!.dead), terminated: Number(r!.terminated), noAccount: Number(r!.no_account), staged: Number(r!.staged), nextAfterId: upto >= last ? null : upto };
  },
};
