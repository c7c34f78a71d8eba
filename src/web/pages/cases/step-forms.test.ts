import { describe, expect, it } from 'vitest';
import { STEP_FIELDS, stepBody } from './step-forms';
import { STEP_PATH, STEP_ROLES } from './case-api';

describe('step forms', () => {
  it('turn the special commission’s answers into the API body: yes/no as a boolean, tenge as tiyn', () => {
    expect(stepBody('recordSpecialConclusion', { needs: 'yes', amountTiyn: 43250.5, reason: '' }, 7)).toEqual({ expectedVersion: 7, needs: true, amountTiyn: 4325050 });
  });

  it('send the decision’s outcome from the step chosen, and a signed protocol with its questions', () => {
    expect(stepBody('grant', { periods: '3' }, 2)).toEqual({ expectedVersion: 2, periods: 3, outcome: 'grant' });
    expect(stepBody('refuse', {}, 2)).toEqual({ expectedVersion: 2, outcome: 'refuse' });
    expect(stepBody('recordHearingProtocol', { place: 'Балпық би' }, 1)).toMatchObject({ place: 'Балпық би', signed: true, questionsAndAnswers: [] });
  });

  it('send the hearing’s date and time in office time (Asia/Almaty) as an instant, with its place (p.18)', () => {
    expect(stepBody('proposeRefusal', { refusalGround: 'p.20.3', plannedDecisionOn: '2025-03-07', hearingAt: '2025-03-05T10:00', hearingPlace: 'каб. 204', text: 'Табыс шектен артық' }, 4)).toEqual({
      expectedVersion: 4, refusalGround: 'p.20.3', plannedDecisionOn: '2025-03-07', hearingAt: '2025-03-05T05:00:00Z', hearingPlace: 'каб. 204', text: 'Табыс шектен артық',
    });
  });

  it('split the items of a request to another body and send the termination ground as a number', () => {
    expect(stepBody('recordDataRequest', { body: 'АХАЖ', items: 'туу туралы куәлік, неке\nтабыс' }, 1)).toEqual({ expectedVersion: 1, body: 'АХАЖ', items: ['туу туралы куәлік', 'неке', 'табыс'] });
    expect(stepBody('terminate', { ground: '1', eventOn: '2025-04-01' }, 1)).toEqual({ expectedVersion: 1, ground: 1, eventOn: '2025-04-01' });
  });

  it('know a path and the roles of every step that has a form', () => {
    for (const step of Object.keys(STEP_FIELDS)) {
      expect(STEP_PATH[step], step).toBeDefined();
      expect(STEP_ROLES[step]?.length, step).toBeGreaterThan(0);
    }
  });
});
