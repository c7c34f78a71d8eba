/**
 * Test fixtures of the case workflow (used only by *.test.ts and bench/cases.ts): named synthetic
 * persons, a tiny in-memory e-gov gateway answering form 1-2 for them, a tiny EDS verifier, and form 1
 * builders. Everything here is SYNTHETIC.
 */
import { createHash } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { EgovAnswers, EgovGateway, Form12Request, Form12Response } from '../adapters/egov/port';
import { makeValidIban, makeValidIin } from '../rules/identifiers';
import type { EdsVerifierLike } from './accept-portal-application';
import type { Form1Input } from './intake-form';

export interface TestPerson {
  readonly iin: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly birthDate: string;
  /** Monthly wages in tiyn over 2024 (the gateway returns them per month). */
  readonly monthlyWagesTiyn?: number;
  readonly disabilityGroup?: 1 | 2 | 3 | null;
  readonly childDisability?: boolean;
  readonly diseaseCode?: string | null;
  readonly household?: readonly string[];
}

let serial = 100;
/** A synthetic person with a valid IIN. */
export function person(lastName: string, firstName: string, birthDate: string, extra: Partial<TestPerson> = {}): TestPerson {
  let iin: string | null = null;
  while (!iin) iin = makeValidIin(Temporal.PlainDate.from(birthDate), 'female', serial++ % 10000);
  return { iin, lastName, firstName, birthDate, ...extra };
}

export const IBAN = makeValidIban('KSN', '0000012345678');

/** A form-1-2 gateway over a fixed list of persons; unknown IINs are `not-found`. */
export function inMemoryGateway(people: readonly TestPerson[]): EgovGateway & { calls: number } {
  const byIin = new Map(people.map((p) => [p.iin, p]));
  const g = {
    calls: 0,
    async request(r: Form12Request): Promise<Form12Response> {
      g.calls++;
      const answers: Record<string, EgovAnswers> = {};
      for (const iin of r.iins) {
        const p = byIin.get(iin);
        const out: Record<string, unknown> = {};
        for (const item of r.items) {
          if (!p) {
            out[item] = { status: 'not-found', data: null };
            continue;
          }
          const found = (data: unknown) => ({ status: 'found', data });
          switch (item) {
            case 'identity':
              out[item] = found({ iin, lastName: p.lastName, firstName: p.firstName, patronymic: null, birthDate: Temporal.PlainDate.from(p.birthDate), sex: 'female', deathDate: null, synthetic: true });
              break;
            case 'address':
              out[item] = found({ ruralDistrictId: 'x', village: 'v', street: 's', house: '1', text: 'v, s 1' });
              break;
            case 'family': {
              const members = (p.household ?? []).map((m) => byIin.get(m)).filter((m): m is TestPerson => !!m);
              out[item] = found({ householdId: `h-${iin}`, relation: 'head', members: [p, ...members].map((m, i) => ({ iin: m.iin, fullName: `${m.lastName} ${m.firstName}`, birthDate: Temporal.PlainDate.from(m.birthDate), sex: 'female', relation: i === 0 ? 'head' : 'child' })) });
              break;
            }
            case 'incomes': {
              const months = [];
              if (p.monthlyWagesTiyn) for (let m = 1; m <= 12; m++) months.push({ month: Temporal.PlainYearMonth.from({ year: 2024, month: m }), type: 'wages', amountTiyn: p.monthlyWagesTiyn });
              out[item] = found({ from: Temporal.PlainYearMonth.from('2024-01'), to: Temporal.PlainYearMonth.from('2024-12'), months });
              break;
            }
            case 'disability':
              out[item] = found({ group: p.disabilityGroup ?? null, childDisability: p.childDisability ?? false });
              break;
            case 'disease':
              out[item] = found({ code: p.diseaseCode ?? null });
              break;
            case 'probation':
              out[item] = found({ status: null, since: null });
              break;
            default:
              out[item] = found([]);
          }
        }
        answers[iin] = out as EgovAnswers;
      }
      return { requestId: r.requestId, answeredAt: Temporal.Instant.from('2025-03-04T05:00:00Z'), answers };
    },
  };
  return g;
}

/** A test EDS verifier: the "signature" is base64 of sha256(content) + ':' + signer IIN. */
export function testSignature(content: string, signerIin: string): string {
  return Buffer.from(`${createHash('sha256').update(content).digest('hex')}:${signerIin}`).toString('base64');
}
export const testEds: EdsVerifierLike = {
  async verify({ content, signatureBase64 }) {
    const [digest, iin] = Buffer.from(signatureBase64, 'base64').toString('utf8').split(':');
    if (digest !== createHash('sha256').update(content).digest('hex')) return { valid: false, signer: null, reason: 'SIGNATURE_MISMATCH' };
    return { valid: true, signer: { iin: iin ?? null, commonName: `TEST ${iin}` }, reason: null };
  },
};

/** A form 1 for `p` in category `categoryCode`. */
export function form1(p: TestPerson, categoryCode: string, ruralDistrictId: string, extra: Partial<Form1Input> = {}): Form1Input {
  return {
    applicant: { iin: p.iin, lastName: p.lastName, firstName: p.firstName, birthDate: p.birthDate },
    categoryCode,
    ruralDistrictId,
    address: 'Балпық би ауылы, Абай к-сі, 1',
    mobile: '+77011234567',
    iban: IBAN,
    documents: [],
    ...extra,
  };
}
