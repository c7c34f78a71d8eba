import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { ASSIGNED_STATUSES, CASE_STATUSES, OPEN_STATUSES, stepsFrom, transition, TRANSITIONS, type TransitionName } from './case-status';

describe('the transition table of a case', () => {
  it('names only known statuses, on both sides of every step', () => {
    for (const [name, step] of Object.entries(TRANSITIONS)) {
      for (const s of step.from) expect(CASE_STATUSES, name).toContain(s);
      if (step.to !== 'same') expect(CASE_STATUSES, name).toContain(step.to);
    }
  });

  it('lets a refusal follow only a hearing', () => {
    expect(transition('refuse', 'HEARING')).toBe('REFUSED');
    for (const s of CASE_STATUSES.filter((x) => x !== 'HEARING')) expect(() => transition('refuse', s)).toThrow(AppError);
  });

  it('refuses an illegal step with ILLEGAL_TRANSITION naming the step and both statuses', () => {
    try {
      transition('grant', 'REGISTERED');
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).code).toBe('ILLEGAL_TRANSITION');
      expect((e as AppError).details).toMatchObject({ step: 'grant', from: 'REGISTERED', to: 'GRANTED' });
    }
  });

  it('never lets a decided case be decided again', () => {
    for (const s of ['GRANTED', 'REFUSED', 'TERMINATED', ...ASSIGNED_STATUSES] as const) {
      expect(stepsFrom(s)).not.toContain('grant');
      expect(stepsFrom(s)).not.toContain('refuse');
    }
  });

  it('leaves refused and terminated cases with no step at all', () => {
    expect(stepsFrom('REFUSED')).toEqual([]);
    expect(stepsFrom('TERMINATED')).toEqual([]);
  });

  it('gives every open status a way forward', () => {
    for (const s of OPEN_STATUSES) expect(stepsFrom(s).filter((n: TransitionName) => TRANSITIONS[n].to !== 'same').length, s).toBeGreaterThan(0);
  });
});
