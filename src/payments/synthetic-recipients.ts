/**
 * Synthetic form 7 recipients in the registry tables (reg_household, reg_person, reg_benefit), written
 * set-based by generate_series so a million of them load in seconds — for the holiday-run benchmark and
 * the crash test. Every row is synthetic. Mix: ~1 % dead before the holiday, ~1 % with the benefit ended,
 * ~0.5 % without an account, ~5 % with a second benefit, a third with a phone (half of those registered in the
 * mobile-citizens database) (the run must de-duplicate them by IIN). IBANs
 * carry valid ISO 13616 check digits (computed in SQL).
 */
import type { Sql } from '../db/connect';

export interface SyntheticRecipientsInput {
  readonly count: number;
  /** Form 7 category of the main benefit, e.g. 'age-pensioner'. */
  readonly category: string;
  /** Category of the second benefit some recipients also have. */
  readonly secondCategory?: string;
  /** First registry id to use (ids are assigned here). */
  readonly startId?: number;
}

export async function seedSyntheticRecipients(sql: Sql, input: SyntheticRecipientsInput): Promise<{ persons: number; benefits: number }> {
  const start = input.startId ?? 1;
  const end = start + input.count - 1;
  const [rd] = await sql.query<{ id: string }>('select id from rural_district order by id limit 1');
  if (!rd) throw new Error('seedSyntheticRecipients: no rural district (seed the rural districts first)');
  const districts = (await sql.query<{ id: string }>('select id from rural_district order by id')).map((r) => r.id);
  const arr = `{${districts.map((d) => `"${d}"`).join(',')}}`;
  await sql.query(
    `insert into reg_household (id, rural_district_id, village, street, house, synthetic)
     select g, ($3::text[])[1 + g % $4], 'Балпық би', 'Абай', (g % 200)::text, true from generate_series($1::bigint, $2::bigint) g`,
    [start, end, arr, districts.length],
  );
  await sql.query(
    `insert into reg_person (id, iin, last_name, first_name, birth_date, sex, household_id, relation, rural_district_id, address, phone, phone_registered, iban, death_date, synthetic)
     select g, lpad((400000000000 + g)::text, 12, '0'), 'Тестов', 'Адам', date '1950-01-01' + (g % 3000)::int, case when g % 2 = 0 then 'male' else 'female' end,
            g, 'head', ($3::text[])[1 + g % $4], 'Балпық би', case when g % 3 = 0 then '+7701' || lpad(g::text, 7, '0') else null end, g % 6 = 0, null,
            case when g % 100 = 7 then date '2020-01-01' else null end, true
       from generate_series($1::bigint, $2::bigint) g`,
    [start, end, arr, districts.length],
  );
  // Valid Kazakh IBANs: bank code '125', account = the id padded to 13 digits; check = 98 - (bban || 'KZ00' as digits) mod 97.
  const ibanExpr = (acct: string) => `'KZ' || lpad((98 - ((('125' || lpad(${acct}, 13, '0')) || '203500')::numeric % 97))::int::text, 2, '0') || '125' || lpad(${acct}, 13, '0')`;
  await sql.query(
    `insert into reg_benefit (id, person_id, kind, type, category, amount_tiyn, date_from, date_to, iban)
     select g, g, 'pension', 'age', $3, 8000000, date '2010-01-01', case when g % 100 = 13 then date '2021-12-31' else null end,
            case when g % 200 = 17 then null else ${ibanExpr('g::text')} end
       from generate_series($1::bigint, $2::bigint) g`,
    [start, end, input.category],
  );
  let benefits = input.count;
  if (input.secondCategory) {
    const [r] = await sql.query<{ n: string }>(
      `with ins as (insert into reg_benefit (id, person_id, kind, type, category, amount_tiyn, date_from, date_to, iban)
         select $2::bigint + g, g, 'allowance', 'disability', $4, 3000000, date '2015-01-01', null, ${ibanExpr('g::text')}
           from generate_series($1::bigint, $3::bigint) g where g % 20 = 3 returning 1) select count(*) n from ins`,
      [start, end, end, input.secondCategory],
    );
    benefits += Number(r!.n);
  }
  for (const t of ['reg_household', 'reg_person', 'reg_benefit']) {
    await sql.query(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  return { persons: input.count, benefits };
}
