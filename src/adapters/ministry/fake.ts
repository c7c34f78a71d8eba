/**
 * The ministry's information system of development and tests (form 7, p.25): a real implementation that
 * pages through the synthetic registry's pensions and allowances (reg_benefit ⋈ reg_person) in id order
 * with keyset pagination, so a holiday run can walk a million recipients in constant memory.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../../db/connect';
import type { ActiveRecipientsQuery, BenefitKind, Form7Page, Form7Row, MinistrySystem } from './port';

export interface FakeMinistryOptions {
  readonly database: Sql;
}

interface Row {
  id: number | string;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: string;
  death_date: string | null;
  rural_district_id: string;
  kind: BenefitKind;
  type: string;
  category: string;
  amount_tiyn: number | string;
  date_from: string;
  date_to: string | null;
  iban: string | null;
}

export const MAX_PAGE = 10_000;

/** A PostgreSQL text[] literal with every element quoted. */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}

/** The fake ministry system over the synthetic registry. */
export class FakeMinistrySystem implements MinistrySystem {
  constructor(private readonly options: FakeMinistryOptions) {}

  /** One page of form 7: benefits in force on `asOf`, after `afterId`, in id order (p.25). */
  async activeRecipients(query: ActiveRecipientsQuery): Promise<Form7Page> {
    if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_PAGE) throw new RangeError(`limit must be an integer 1..${MAX_PAGE}, got ${query.limit}`);
    if (query.afterId !== undefined && !Number.isSafeInteger(query.afterId)) throw new RangeError(`afterId must be an integer, got ${query.afterId}`);
    const rows = await this.options.database.query<Row>(
      `select b.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.death_date, p.rural_district_id,
              b.kind, b.type, b.category, b.amount_tiyn, b.date_from, b.date_to, b.iban
       from reg_benefit b join reg_person p on p.id = b.person_id
       where b.id > $1::int8 and b.date_from <= $2::date and (b.date_to is null or b.date_to >= $2::date)
         and ($3::text[] is null or b.kind = any($3::text[]))
         and ($4::text[] is null or b.category = any($4::text[]))
       order by b.id
       limit $5::int`,
      [
        query.afterId ?? 0,
        query.asOf.toString(),
        query.benefitKinds ? textArray(query.benefitKinds) : null,
        query.categories ? textArray(query.categories) : null,
        query.limit,
      ],
    );
    const out = rows.map(toForm7Row);
    const last = out[out.length - 1];
    return { rows: out, nextAfterId: out.length === query.limit && last ? last.id : null };
  }
}

function toForm7Row(r: Row): Form7Row {
  return {
    id: Number(r.id),
    iin: r.iin,
    fullName: [r.last_name, r.first_name, r.patronymic].filter((x) => x).join(' '),
    birthDate: Temporal.PlainDate.from(r.birth_date),
    deathDate: r.death_date === null ? null : Temporal.PlainDate.from(r.death_date),
    ruralDistrictId: r.rural_district_id,
    kind: r.kind,
    type: r.type,
    category: r.category,
    amountTiyn: Number(r.amount_tiyn),
    period: { from: Temporal.PlainDate.from(r.date_from), to: r.date_to === null ? null : Temporal.PlainDate.from(r.date_to) },
    iban: r.iban,
  };
}
