/**
 * Test factory: a registered application with its decision written straight into the workflow tables
 * (migration 0020), for the modules that read decided cases — notifications (p.19) and documents (forms
 * 4–6). The workflow's own tests go through its use cases; this only shapes rows.
 */
import { randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../src/db/connect';
import { makeValidIin } from '../src/rules/identifiers';

let seq = 0;

export interface DecidedCase {
  readonly applicationId: string;
  readonly decisionId: string;
  readonly regNumber: string;
  readonly decisionNumber: string;
  readonly applicantIin: string;
}

export async function insertDecidedCase(
  sql: Sql,
  opts: {
    readonly outcome: 'grant' | 'refuse';
    readonly channel?: 'AUTHORIZED_BODY' | 'RURAL_AKIM' | 'STATE_CORP' | 'PORTAL';
    readonly mobile?: string | null;
    readonly decidedOn?: string;
    readonly ruralDistrictId?: string;
    readonly amountTiyn?: number;
    readonly refusalGround?: string;
    readonly lastName?: string;
    readonly firstName?: string;
  },
): Promise<DecidedCase> {
  seq++;
  const [district] = await sql.query<{ id: string }>('select id from rural_district order by id limit 1');
  const ruralDistrictId = opts.ruralDistrictId ?? district?.id;
  if (!ruralDistrictId) throw new Error('insertDecidedCase: seed rural districts first');
  let applicantIin: string | null = null;
  for (let serial = 1000 + ((seq * 37 + Math.floor(Math.random() * 8000)) % 8000); !applicantIin; serial++) applicantIin = makeValidIin(Temporal.PlainDate.from('1980-05-17'), 'female', serial);
  const lastName = opts.lastName ?? 'Жұмабаева';
  const firstName = opts.firstName ?? 'Әсел';
  await sql.query(
    `insert into person (iin, last_name, first_name, patronymic, birth_date, search_name) values ($1, $2, $3, 'Қайратқызы', '1980-05-17', lower($2 || ' ' || $3 || ' қайратқызы'))
     on conflict (iin) do nothing`,
    [applicantIin, lastName, firstName],
  );
  const applicationId = randomUUID();
  // The next free number of 2025: a random one collided now and then (birthday problem) and broke CI once.
  const [last] = await sql.query<{ n: number }>(`select coalesce(max(reg_seq), 100000)::int as n from application where reg_year = 2025`);
  const regSeq = (last?.n ?? 100000) + 1;
  const regNumber = `KOK-2025-${String(regSeq).padStart(6, '0')}`;
  const decidedOn = opts.decidedOn ?? '2025-03-14';
  await sql.query(
    `insert into application (id, reg_number, reg_year, reg_seq, channel, status, applicant_iin, ground, category_code, iban, mobile, rural_district_id, address_text,
                              received_at, registered_on, rules_version, updated_at, portal_request_id)
     values ($1, $2, 2025, $3, $4, $5, $6, '6.4', 'low-income', 'KZ86125KZT5004100100', $7, $8, 'Балпық би ауылы, Абай көшесі, 12', '2025-03-04T05:00:00Z', '2025-03-04', 'koksu-35-140',
             '2025-03-14T05:00:00Z', $9)`,
    [applicationId, regNumber, regSeq, opts.channel ?? 'AUTHORIZED_BODY', opts.outcome === 'grant' ? 'GRANTED' : 'REFUSED', applicantIin, opts.mobile ?? null, ruralDistrictId, opts.channel === 'PORTAL' ? `EGOV-${regSeq}` : null],
  );
  const decisionId = randomUUID();
  const decisionNumber = `ШЕШ-2025-${String(regSeq).padStart(6, '0')}`;
  await sql.query(
    `insert into decision (id, application_id, number, decided_on, decided_at, outcome, refusal_ground, amount_tiyn, periodicity, category_code, ground, rules_version, basis)
     values ($1, $2, $3, $4, $5, $6, $7, $8, 'one-time', 'low-income', '6.4', 'koksu-35-140', '{}')`,
    [decisionId, applicationId, decisionNumber, decidedOn, `${decidedOn}T06:00:00Z`, opts.outcome, opts.outcome === 'refuse' ? (opts.refusalGround ?? 'p.20.3') : null, opts.outcome === 'grant' ? (opts.amountTiyn ?? 4_325_000) : null],
  );
  return { applicationId, decisionId, regNumber, decisionNumber, applicantIin };
}
