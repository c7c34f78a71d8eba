import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import koksuJson from './districts/koksu.json';
import { parseDistrictConfig, selectRulesVersion } from './district/config';
import { holidayAssistanceOn } from './holidays';

const koksu = parseDistrictConfig(koksuJson, 'koksu.json');
const d = (s: string) => Temporal.PlainDate.from(s);

describe('holiday assistance (p.5, p.10)', () => {
  it('pays the Victory Day list on 9 May 2025 at the 2025 MCI, marked as examples', () => {
    const list = holidayAssistanceOn(selectRulesVersion(koksu, d('2025-05-09')), d('2025-05-09'));
    expect(list.map((h) => [h.categories[0], h.amountTiyn])).toEqual([
      ['wwii-veterans', 100 * 393200],
      ['persons-equated-to-wwii-veterans', 10 * 393200],
    ]);
    expect(list.every((h) => h.example)).toBe(true);
    expect(list[0]!.trace.map((t) => t.clause)).toContain('p.10');
  });

  it('pays nothing on a day that is not on the list', () => {
    expect(holidayAssistanceOn(selectRulesVersion(koksu, d('2025-05-10')), d('2025-05-10'))).toEqual([]);
  });
});
