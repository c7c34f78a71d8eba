import { expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildCalendar } from '../rules/calendar';
import { computeCaseDeadlines, deadlinesListJson, type CaseDeadlines, type DeadlineState } from './case-deadlines';
import { caseEnv, type CaseEnv } from './case-env';

const registered: DeadlineState = {
  status: 'REGISTERED', channel: 'AUTHORIZED_BODY', surveyRequired: true, registeredOn: '2025-03-04', track: 'standard', extensionClause: null, extensionReason: null, extensionRecordedOn: null,
  documentsAcceptedOn: null, routedOn: null, surveyReceivedOn: null, surveyForwardedOn: null, surveyRefused: false, fileReceivedOn: null, specialReceivedOn: null, specialNeeds: null, hearingPlannedOn: null,
};
const day = Temporal.PlainDate.from('2025-03-04');
/** The same Rules in a new environment object: nothing computed for it yet. */
const fresh = (env: CaseEnv): CaseEnv => ({ ...env });

it('gives the same deadlines again without computing them anew, equal to a fresh computation and frozen', () => {
  const env = caseEnv();
  const first = computeCaseDeadlines(env, registered, day);
  expect(computeCaseDeadlines(env, { ...registered }, Temporal.PlainDate.from('2025-03-04'))).toBe(first);
  expect(computeCaseDeadlines(fresh(env), registered, day)).toEqual(first);
  expect(Object.isFrozen(first) && Object.isFrozen(first.list) && Object.isFrozen(first.list[0])).toBe(true);
  // Any field the computation reads, and the day, gives another answer.
  const routed = computeCaseDeadlines(env, { ...registered, status: 'AT_PRECINCT_COMMISSION', routedOn: '2025-03-05' }, day);
  expect(routed.next?.step).toBe('recordSurvey');
  expect(computeCaseDeadlines(env, { ...registered, surveyRequired: false }, day).next?.step).toBe('computeIncome');
  expect(computeCaseDeadlines(env, registered, Temporal.PlainDate.from('2025-03-13'))).toEqual(computeCaseDeadlines(fresh(env), registered, Temporal.PlainDate.from('2025-03-13')));
});

it('computes anew when the calendar changes (a new generation of the Rules is a new environment)', () => {
  const env = caseEnv();
  const before = computeCaseDeadlines(env, registered, day);
  // The administrator declares 2025-03-06 a day off: the 8 working days of p.18 end one working day later.
  const changed: CaseEnv = { ...env, cal: buildCalendar({ overrides: [{ date: '2025-03-06', kind: 'day-off', name_kk: 'Демалыс', name_ru: 'Выходной', source: 'Приказ (test)' }] }) };
  const after = computeCaseDeadlines(changed, registered, day);
  expect(after.decisionHardOn).not.toBe(before.decisionHardOn);
  expect(after.decisionHardOn! > before.decisionHardOn!).toBe(true);
  expect(computeCaseDeadlines(env, registered, day)).toBe(before);
});

it('keeps an extension reason apart from no reason, whatever its text', () => {
  const env = caseEnv();
  const extended = { ...registered, track: 'extended' as const, extensionClause: 'p.14' as const, extensionRecordedOn: '2025-03-05', documentsAcceptedOn: '2025-03-04' };
  const withReason = computeCaseDeadlines(env, { ...extended, extensionReason: 'null' }, day);
  const without = computeCaseDeadlines(env, { ...extended, extensionReason: null }, day);
  expect(withReason.decisionHardOn).not.toBe(without.decisionHardOn);
  expect(computeCaseDeadlines(fresh(env), { ...extended, extensionReason: 'null' }, day)).toEqual(withReason);
  expect(computeCaseDeadlines(fresh(env), { ...extended, extensionReason: null }, day)).toEqual(without);
});

it('gives the JSON text of a deadlines list, kept for the frozen lists it computed', () => {
  const env = caseEnv();
  const computed = computeCaseDeadlines(env, registered, day);
  const text = deadlinesListJson(computed);
  expect(text).toBe(JSON.stringify(computed.list));
  expect(JSON.parse(text)[0].explanation).toEqual(computed.list[0]!.explanation);
  expect(deadlinesListJson(computeCaseDeadlines(env, { ...registered }, day))).toBe(text);
  expect(deadlinesListJson(computeCaseDeadlines(env, { ...registered, status: 'REFUSED' }, day))).toBe('[]');
  // A list not frozen (not from computeCaseDeadlines) may change: its text is made anew each time.
  const open: CaseDeadlines = { ...computed, list: [...computed.list] };
  expect(deadlinesListJson(open)).toBe(text);
  (open.list as unknown[]).pop();
  expect(deadlinesListJson(open)).toBe(JSON.stringify(open.list));
});
