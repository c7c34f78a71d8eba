/**
 * p.11: a paper application on form 1 at the authorized body (SPECIALIST), a rural akim's office
 * (RURAL_AKIM, only for its own rural district) or the State Corporation (STATE_CORP). The clerk's
 * request to the state information systems (form 1-2) goes out first; the documents are checked against
 * what the systems did not supply; then, in one transaction, either the application is registered (p.12)
 * or a refusal receipt (form 1-3) is issued and nothing is registered.
 */
import { randomUUID } from 'node:crypto';
import { formatInstant, runCommand, runStatementCommand } from '../context';
import { AppError } from '../errors';
import type { EgovAnswers, EgovGateway, EgovItem } from '../adapters/egov/port';
import { incomeQuarterOf } from '../rules/income';
import type { CaseCtx } from './case-env';
import { today } from './case-env';
import type { FamilyEntry } from './case-store';
import { assertMayTouch } from './case-store';
import { categoryOn, checkDocuments, requiredDocuments, validateForm1, type Form1Input } from './intake-form';
import { refuseAtIntake, type IntakeReceipt } from './refuse-at-intake';
import { registerApplicationWithAudit, type RegisterInput, type Registered } from './register-application';

export const CHANNEL_OF_ROLE = { SPECIALIST: 'AUTHORIZED_BODY', RURAL_AKIM: 'RURAL_AKIM', STATE_CORP: 'STATE_CORP' } as const;

export type IntakeOutcome = { readonly outcome: 'registered'; readonly application: Registered } | { readonly outcome: 'refused-at-intake'; readonly receipt: IntakeReceipt };

const APPLICANT_ITEMS: readonly EgovItem[] = ['identity', 'address', 'family', 'incomes', 'disability', 'disease', 'probation', 'existing-assistance'];

/** Sends form 1-2 requests for the applicant and, when the income is tested, the other members' incomes. */
export async function requestInformationSystems(
  egov: EgovGateway | undefined,
  iin: string,
  familyIins: readonly string[],
  asOf: import('temporal-polyfill').Temporal.PlainDate,
  withIncomes: boolean,
  clock: { now(): import('temporal-polyfill').Temporal.Instant },
): Promise<{ requests: RegisterInput['dataRequests']; applicant: EgovAnswers | undefined; byIin: Readonly<Record<string, EgovAnswers>> }> {
  if (!egov) return { requests: [], applicant: undefined, byIin: {} };
  const requests: RegisterInput['dataRequests'][number][] = [];
  const ask = async (iins: string[], items: readonly EgovItem[]) => {
    const requestId = randomUUID();
    const requestedAt = formatInstant(clock.now());
    let res;
    try {
      res = await egov.request({ requestId, iins, items, asOf });
    } catch (e) {
      throw new AppError('EGOV_UNAVAILABLE', [], { cause: (e as Error).message });
    }
    requests.push({ requestId, body: 'e-gov gateway', items, iins, requestedAt, answeredAt: formatInstant(res.answeredAt), answers: res.answers });
    return res.answers;
  };
  const first = await ask([iin], APPLICANT_ITEMS);
  const applicant = first[iin];
  const byIin: Record<string, EgovAnswers> = { ...first };
  const family = applicant?.family?.status === 'found' ? applicant.family.data.members.map((m) => m.iin) : [];
  const others = [...new Set([...family, ...familyIins])].filter((x) => x !== iin);
  if (withIncomes && others.length) Object.assign(byIin, await ask(others, ['identity', 'incomes']));
  return { requests, applicant, byIin };
}

/** The household for the income test: the form's list if given, else the gateway's, incomes of the income quarter. */
export function assembleFamily(form: Form1Input, byIin: Readonly<Record<string, EgovAnswers>>, registeredDay: import('temporal-polyfill').Temporal.PlainDate): FamilyEntry[] {
  const q = incomeQuarterOf(registeredDay);
  const gatewayIncomes = (iin: string) => {
    const inc = byIin[iin]?.incomes;
    if (inc?.status !== 'found') return [];
    return inc.data.months
      .map((m) => ({ type: m.type, amountTiyn: m.amountTiyn, month: m.month.toString() }))
      .filter((m) => m.month >= q.firstMonth && m.month <= q.lastMonth);
  };
  const applicantName = [form.applicant.lastName, form.applicant.firstName, form.applicant.patronymic ?? ''].join(' ').trim();
  const self: FamilyEntry = { iin: form.applicant.iin, fullName: applicantName, birthDate: form.applicant.birthDate ?? null, relation: 'head', occupation: null, incomes: form.incomes ?? gatewayIncomes(form.applicant.iin) };
  if (form.family) {
    return [self, ...form.family.filter((m) => m.iin !== form.applicant.iin).map((m) => ({ iin: m.iin, fullName: m.fullName, birthDate: m.birthDate ?? null, relation: m.relation, occupation: m.occupation ?? null, incomes: m.incomes.length ? m.incomes : gatewayIncomes(m.iin) }))];
  }
  const fam = byIin[form.applicant.iin]?.family;
  if (fam?.status !== 'found') return [self];
  const others = fam.data.members.filter((m) => m.iin !== form.applicant.iin).map((m) => ({ iin: m.iin, fullName: m.fullName, birthDate: m.birthDate.toString(), relation: m.relation, occupation: null, incomes: gatewayIncomes(m.iin) }));
  return [self, ...others];
}

/** Accepts a paper form 1: registers it (p.12) or refuses it at intake with a form 1-3 receipt (p.11). */
export async function acceptPaperApplication(ctx: CaseCtx & { readonly egov?: EgovGateway | undefined }, form: Form1Input): Promise<IntakeOutcome> {
  const role = ctx.actor?.role;
  if (role !== 'SPECIALIST' && role !== 'RURAL_AKIM' && role !== 'STATE_CORP') throw new AppError('FORBIDDEN');
  assertMayTouch(ctx.actor, { ruralDistrictId: form.ruralDistrictId });
  const receivedAt = ctx.clock.now();
  const day = today(ctx);
  const { iban } = validateForm1(form, day);
  const { version, category } = categoryOn(ctx.env, form.categoryCode, day);
  const known = await ctx.database.query('select 1 from rural_district where id = $1', [form.ruralDistrictId]);
  if (!known.length) throw new AppError('VALIDATION', [{ path: 'ruralDistrictId', message: 'Ауылдық округ табылмады. | Сельский округ не найден. | Unknown rural district.' }]);

  const gw = await requestInformationSystems(ctx.egov, form.applicant.iin, (form.family ?? []).map((m) => m.iin), day, category.incomeTest.required, ctx.clock);
  const check = checkDocuments(requiredDocuments(category), form.documents, gw.applicant, day, form.applicant);
  const channel = CHANNEL_OF_ROLE[role];

  if (check.missing.length || check.expired.length) {
    return runCommand(ctx, { action: 'application.refuse-at-intake', targetType: 'intake_receipt' }, async ({ sql, at }) => {
      const receipt = await refuseAtIntake(sql, ctx.env, ctx.actor, { channel, applicant: form.applicant, categoryCode: form.categoryCode, ruralDistrictId: form.ruralDistrictId, check, documents: form.documents, dataRequests: gw.requests, at, day });
      return { result: { outcome: 'refused-at-intake' as const, receipt }, targetId: receipt.id, after: { number: receipt.number, missing: check.missing.map((m) => m.code), expired: check.expired.map((m) => m.code) } };
    });
  }
  // One statement (its audit entry included): the registration's writes are a single INSERT … WITH.
  return runStatementCommand(ctx, { action: 'application.register', targetType: 'application' }, async ({ read, withAudit }) => {
    const application = await registerApplicationWithAudit({ read, withAudit }, ctx.env, ctx.actor, {
      channel, applicant: form.applicant, representative: form.representative, ground: category.ground, categoryCode: category.code, rulesVersion: version.id, iban, mobile: form.mobile ?? null, language: form.language ?? 'kk',
      ruralDistrictId: form.ruralDistrictId, address: form.address, family: assembleFamily(form, gw.byIin, day), eventOn: form.eventDate ?? null, actualCostTiyn: form.actualCostTiyn ?? null,
      receivedAt, documents: form.documents, dataRequests: gw.requests,
    }, (registered) => ({ regNumber: registered.regNumber, status: 'REGISTERED', channel, category: category.code }));
    return { result: { outcome: 'registered' as const, application }, targetId: application.id };
  });
}
