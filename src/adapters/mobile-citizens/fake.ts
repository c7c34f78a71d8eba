/**
 * The mobile-citizens database of development and tests (p.19): a real implementation that answers from
 * reg_person.phone_registered in the synthetic registry.
 */
import type { Sql } from '../../db/connect';
import { normalizeMobile, type MobileCitizens } from './port';

export interface FakeMobileCitizensOptions {
  readonly database: Sql;
}

/** The fake mobile-citizens database over the synthetic registry. */
export class FakeMobileCitizens implements MobileCitizens {
  constructor(private readonly options: FakeMobileCitizensOptions) {}

  /** Whether the number is registered in the mobile-citizens database (p.19). */
  async isRegistered(phone: string): Promise<boolean> {
    const normalized = normalizeMobile(phone);
    if (normalized === null) return false;
    const rows = await this.options.database.query<{ registered: boolean }>(
      'select true as registered from reg_person where phone = $1 and phone_registered limit 1',
      [normalized],
    );
    return rows.length > 0;
  }
}
