/**
 * The mobile-citizens database asked by IIN (p.19): which recipients have a mobile number registered
 * there, so that a notice can go by SMS. Development fake over the synthetic registry (reg_person.phone,
 * phone_registered); a real adapter asks the e-government mobile-citizens service.
 */
import type { Sql } from '../../db/connect';

export interface RegisteredPhones {
  /** The registered number (+7XXXXXXXXXX) of each IIN that has one. */
  registeredPhones(iins: readonly string[]): Promise<ReadonlyMap<string, string>>;
}

export function registryPhones(database: Sql): RegisteredPhones {
  return {
    async registeredPhones(iins) {
      if (iins.length === 0) return new Map();
      const rows = await database.query<{ iin: string; phone: string }>('select iin, phone from reg_person where iin = any($1::text[]) and phone is not null and phone_registered', [iins]);
      return new Map(rows.map((r) => [r.iin, r.phone]));
    },
  };
}
