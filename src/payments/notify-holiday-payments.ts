/**
 * p.10: holiday assistance is paid without an application, so the recipient is told: an SMS to the number
 * registered in the mobile-citizens database (p.19 channel); without one, the notice is marked 'none' and
 * the payment itself (crediting to the recipient's account) is the notice. Walks the run's payments whose
 * notice is queued in keyset pages (by id); each SMS carries the payment id as idempotency key, so a crash
 * between sending and marking re-sends with the same key and the gateway does not send twice.
 */
import type { Database } from '../db/connect';
import type { Clock } from '../context';
import { runCommand } from '../context';
import type { SmsGateway } from '../adapters/sms/port';
import type { RegisteredPhones } from '../adapters/mobile-citizens/registry-phones';
import { formatTenge } from '../rules/money';
import { Temporal } from 'temporal-polyfill';
import { loadDistrictConfig } from './calendar';
import type { StoredSelection } from './holiday-list';

export interface HolidayNoticeReport {
  readonly sent: number;
  readonly withoutPhone: number;
  /** Left queued: the gateway was unavailable; run again later. */
  readonly retryLater: number;
}

/** The SMS text in Kazakh and Russian (both, as recipients' language is not known from form 7). */
export function holidayNoticeText(input: { holidayKk: string; holidayRu: string; amountTiyn: number; date: string }): string {
  const a = formatTenge(input.amountTiyn);
  return `Сізге «${input.holidayKk}» күніне ${a} теңге біржолғы әлеуметтік көмек тағайындалды (Көксу ауданы, 5, 10-т.). / Вам назначена единовременная социальная помощь ко дню «${input.holidayRu}» — ${a} тенге (Коксуский район, п. 5, 10).`;
}

/** The holiday's names as the run recorded them (the rules version in force on the holiday), else from that version. */
async function holidayNames(database: Database, run: { holiday_code: string; holiday_date: string; selection: StoredSelection | string | null }): Promise<{ holidayKk: string; holidayRu: string }> {
  const stored = typeof run.selection === 'string' ? (JSON.parse(run.selection) as StoredSelection) : run.selection;
  if (stored) return { holidayKk: stored.name.kk, holidayRu: stored.name.ru };
  const config = await loadDistrictConfig(database, Temporal.PlainDate.from(run.holiday_date));
  const entry = config.holidays.find((h) => h.date === run.holiday_code);
  return { holidayKk: entry?.name_kk ?? run.holiday_code, holidayRu: entry?.name_ru ?? run.holiday_code };
}

export async function notifyHolidayPayments(deps: { readonly database: Database; readonly clock: Clock; readonly sms: SmsGateway; readonly phones: RegisteredPhones }, input: { readonly runId: string; readonly pageSize?: number }): Promise<HolidayNoticeReport> {
  const page = input.pageSize ?? 1_000;
  const [run] = await deps.database.query<{ holiday_code: string; holiday_date: string; selection: StoredSelection | string | null }>('select holiday_code, holiday_date, selection from payment_run where id = $1', [input.runId]);
  if (!run) return { sent: 0, withoutPhone: 0, retryLater: 0 };
  const names = await holidayNames(deps.database, run);
  let after = 0;
  let sent = 0;
  let withoutPhone = 0;
  let retryLater = 0;
  for (;;) {
    const rows = await deps.database.query<{ id: string; recipient_iin: string; amount_tiyn: string }>(
      `select id, recipient_iin, amount_tiyn from payment where run_id = $1 and notice = 'queued' and id > $2 order by id limit $3`,
      [input.runId, after, page],
    );
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1]!.id);
    const phones = await deps.phones.registeredPhones(rows.map((r) => r.recipient_iin));
    const done: string[] = [];
    const none: string[] = [];
    for (const r of rows) {
      const phone = phones.get(r.recipient_iin);
      if (!phone) {
        none.push(r.id);
        continue;
      }
      const res = await deps.sms.send({ key: `holiday-payment:${r.id}`, phone, text: holidayNoticeText({ ...names, amountTiyn: Number(r.amount_tiyn), date: run.holiday_date }) });
      if (res.outcome === 'unavailable') retryLater++;
      else if (res.outcome === 'accepted') done.push(r.id);
      else none.push(r.id);
    }
    await runCommand({ database: deps.database, clock: deps.clock, actor: null }, { action: 'payments.holiday-run.notify', targetType: 'payment_run' }, async ({ sql }) => {
      await sql.query(`update payment set notice = 'sent' where id = any($1::bigint[])`, [done]);
      await sql.query(`update payment set notice = 'none' where id = any($1::bigint[])`, [none]);
      return { result: undefined, targetId: input.runId, after: { sent: done.length, withoutPhone: none.length } };
    });
    sent += done.length;
    withoutPhone += none.length;
  }
  return { sent, withoutPhone, retryLater };
}
