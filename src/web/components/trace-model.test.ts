import { describe, expect, it } from 'vitest';
import { formatSource, formatTraceValue } from './trace-model';

const words = { yes: 'иә', no: 'жоқ', none: '—' };

describe('formatTraceValue', () => {
  it('shows amounts kept in tiyn as tenge', () => {
    expect(formatTraceValue('thresholdTiyn', 4_681_500, 'kk', words)).toBe('46\u00a0815,00\u00a0₸');
  });
  it('leaves other numbers as they are', () => {
    expect(formatTraceValue('multiple', 1.5, 'kk', words)).toBe('1.5');
  });
  it('words booleans and empty values in the UI language', () => {
    expect(formatTraceValue('surveyRequired', true, 'kk', words)).toBe('иә');
    expect(formatTraceValue('surveyRequired', false, 'kk', words)).toBe('жоқ');
    expect(formatTraceValue('ground', null, 'kk', words)).toBe('—');
  });
});

describe('formatSource', () => {
  it('joins the act, its clause and a note, skipping what is missing', () => {
    expect(formatSource({ act: 'Көксу аудандық мәслихатының шешімі', clause: 'p.7.11' })).toBe('Көксу аудандық мәслихатының шешімі, p.7.11');
    expect(formatSource({ act: 'Act', note: 'example' })).toBe('Act, example');
  });
});
