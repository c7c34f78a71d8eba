/**
 * Excel exports of the registers (issue 6 item 7): applications, decisions, recipients, payments and
 * terminations for a period and a rural district, with headers in Kazakh and Russian (two header rows).
 */
import ExcelJS from 'exceljs';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';

export const REGISTERS = ['applications', 'decisions', 'recipients', 'payments', 'terminations'] as const;
export type Register = (typeof REGISTERS)[number];

interface Col {
  readonly key: string;
  readonly kk: string;
  readonly ru: string;
  readonly money?: boolean;
}

const c = (key: string, kk: string, ru: string, money = false): Col => ({ key, kk, ru, money });

const DEFS: Record<Register, { table: string; title: { kk: string; ru: string }; cols: Col[]; sql: string }> = {
  applications: {
    table: 'application',
    title: { kk: 'Өтініштер тізілімі', ru: 'Реестр заявлений' },
    cols: [c('reg_number', 'Тіркеу нөмірі', 'Рег. номер'), c('registered_on', 'Тіркелген күні', 'Дата регистрации'), c('applicant', 'Өтініш беруші', 'Заявитель'), c('applicant_iin', 'ЖСН', 'ИИН'), c('category_code', 'Санат', 'Категория'), c('ground', 'Негіз', 'Основание'), c('channel', 'Арна', 'Канал'), c('status', 'Мәртебе', 'Статус'), c('rural_district_id', 'Ауылдық округ', 'Сельский округ'), c('decision_hard_on', 'Шешім мерзімі', 'Срок решения'), c('rules_version', 'Қағидалар нұсқасы', 'Версия Правил')],
    sql: `select a.reg_number, a.registered_on::text as registered_on, (p.last_name || ' ' || p.first_name) as applicant, a.applicant_iin, a.category_code, a.ground, a.channel, a.status, a.rural_district_id, a.decision_hard_on::text as decision_hard_on, a.rules_version
          from application a join person p on p.iin = a.applicant_iin
          where a.registered_on between $1 and $2 and ($3::text is null or a.rural_district_id = $3) order by a.reg_year, a.reg_seq`,
  },
  decisions: {
    table: 'decision',
    title: { kk: 'Шешімдер тізілімі', ru: 'Реестр решений' },
    cols: [c('number', 'Шешім нөмірі', 'Номер решения'), c('decided_on', 'Күні', 'Дата'), c('reg_number', 'Өтініш', 'Заявление'), c('applicant', 'Өтініш беруші', 'Заявитель'), c('category_code', 'Санат', 'Категория'), c('ground', 'Негіз', 'Основание'), c('outcome', 'Нәтиже', 'Итог'), c('refusal_ground', 'Бас тарту негізі (20-т.)', 'Основание отказа (п.20)'), c('amount', 'Сома, ₸', 'Сумма, ₸', true), c('periodicity', 'Кезеңділік', 'Периодичность'), c('rules_version', 'Қағидалар нұсқасы', 'Версия Правил')],
    sql: `select d.number, d.decided_on::text as decided_on, a.reg_number, (p.last_name || ' ' || p.first_name) as applicant, d.category_code, d.ground, d.outcome, d.refusal_ground, d.amount_tiyn::float8 / 100 as amount, d.periodicity, d.rules_version
          from decision d join application a on a.id = d.application_id join person p on p.iin = a.applicant_iin
          where d.decided_on between $1 and $2 and ($3::text is null or a.rural_district_id = $3) order by d.decided_on, d.number`,
  },
  recipients: {
    table: 'decision',
    title: { kk: 'Алушылар тізілімі', ru: 'Реестр получателей' },
    cols: [c('applicant', 'Алушы', 'Получатель'), c('applicant_iin', 'ЖСН', 'ИИН'), c('rural_district_id', 'Ауылдық округ', 'Сельский округ'), c('category_code', 'Санат', 'Категория'), c('amount', 'Сома, ₸', 'Сумма, ₸', true), c('periodicity', 'Кезеңділік', 'Периодичность'), c('decided_on', 'Шешім күні', 'Дата решения'), c('iban', 'IBAN', 'IBAN'), c('terminated_from', 'Тоқтатылды', 'Прекращено с')],
    sql: `select (p.last_name || ' ' || p.first_name) as applicant, a.applicant_iin, a.rural_district_id, d.category_code, d.amount_tiyn::float8 / 100 as amount, d.periodicity, d.decided_on::text as decided_on, a.iban,
                 (select t.stops_from::text from termination t where t.application_id = a.id) as terminated_from
          from decision d join application a on a.id = d.application_id join person p on p.iin = a.applicant_iin
          where d.outcome = 'grant' and d.decided_on <= $2 and not exists (select 1 from termination t where t.application_id = a.id and t.stops_from < $1)
            and ($3::text is null or a.rural_district_id = $3) order by p.last_name, p.first_name`,
  },
  payments: {
    table: 'payment',
    title: { kk: 'Төлемдер тізілімі', ru: 'Реестр выплат' },
    cols: [c('pay_on', 'Төлем күні', 'Дата выплаты'), c('recipient_name', 'Алушы', 'Получатель'), c('recipient_iin', 'ЖСН', 'ИИН'), c('rural_district_id', 'Ауылдық округ', 'Сельский округ'), c('category_code', 'Санат', 'Категория'), c('basis', 'Негіздеме', 'Основание'), c('period', 'Кезең', 'Период'), c('amount', 'Сома, ₸', 'Сумма, ₸', true), c('status', 'Күйі', 'Состояние'), c('iban', 'IBAN', 'IBAN')],
    sql: `select p.pay_on::text as pay_on, p.recipient_name, p.recipient_iin, p.rural_district_id, p.category_code, p.basis, p.period, p.amount_tiyn::float8 / 100 as amount, p.status, p.iban
          from payment p where p.pay_on between $1 and $2 and ($3::text is null or p.rural_district_id = $3) order by p.pay_on, p.id`,
  },
  terminations: {
    table: 'termination',
    title: { kk: 'Тоқтатулар тізілімі', ru: 'Реестр прекращений' },
    cols: [c('reg_number', 'Өтініш', 'Заявление'), c('applicant', 'Алушы', 'Получатель'), c('ground', 'Негіз (22-т.)', 'Основание (п.22)'), c('event_on', 'Оқиға күні', 'Дата события'), c('stops_from', 'Төлем тоқтатылады', 'Выплата прекращается с'), c('reason', 'Себебі', 'Причина')],
    sql: `select a.reg_number, (p.last_name || ' ' || p.first_name) as applicant, t.ground, t.event_on::text as event_on, t.stops_from::text as stops_from, t.reason
          from termination t join application a on a.id = t.application_id join person p on p.iin = a.applicant_iin
          where t.event_on between $1 and $2 and ($3::text is null or a.rural_district_id = $3) order by t.event_on`,
  },
};

/** The register's rows for the period (inclusive) and rural district (null = the whole district). */
export async function registerRows(sql: Sql, register: Register, opts: { from: string; to: string; ruralDistrictId: string | null }): Promise<{ cols: Col[]; rows: Record<string, unknown>[]; title: { kk: string; ru: string } }> {
  const def = DEFS[register];
  const [t] = await sql.query<{ t: string | null }>('select to_regclass($1)::text as t', [def.table]);
  if (!t?.t) throw new AppError('NOT_FOUND', [{ path: 'register', message: `the ${def.table} table does not exist yet` }]);
  const rows = await sql.query<Record<string, unknown>>(def.sql, [opts.from, opts.to, opts.ruralDistrictId]);
  return { cols: def.cols, rows, title: def.title };
}

export async function exportRegisterXlsx(sql: Sql, register: Register, opts: { from: string; to: string; ruralDistrictId: string | null }): Promise<Buffer> {
  const { cols, rows, title } = await registerRows(sql, register, opts);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(register);
  ws.addRow([`${title.kk} / ${title.ru}: ${opts.from} — ${opts.to}${opts.ruralDistrictId ? ` (${opts.ruralDistrictId})` : ''}`]).font = { bold: true, size: 13 };
  ws.addRow(cols.map((x) => x.kk)).font = { bold: true };
  ws.addRow(cols.map((x) => x.ru)).font = { italic: true };
  for (const r of rows) ws.addRow(cols.map((x) => r[x.key] ?? ''));
  cols.forEach((x, i) => {
    const col = ws.getColumn(i + 1);
    col.width = Math.max(12, Math.min(40, x.kk.length + 4));
    if (x.money) col.numFmt = '#,##0.00';
  });
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
