import { expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { fixedClock } from '../context';
import { caseEnv, today, type CaseCtx } from './case-env';

it("gives the district's civil day for every instant, on both sides of midnight in Almaty and when the clock goes back", () => {
  const clock = fixedClock('2025-03-04T18:59:59.999Z'); // 23:59:59.999 in Almaty (UTC+5)
  const ctx = { database: null as never, actor: null, clock, env: caseEnv() } satisfies CaseCtx;
  const instants = ['2025-03-04T18:59:59.999Z', '2025-03-04T19:00:00Z', '2025-03-04T05:00:00Z', '2025-03-05T18:59:59Z', '2025-03-03T19:00:00Z', '2025-03-03T18:59:59Z', '2025-12-31T19:00:00Z'];
  for (const iso of instants) {
    clock.set(iso);
    expect(today(ctx).toString()).toBe(Temporal.Instant.from(iso).toZonedDateTimeISO('Asia/Almaty').toPlainDate().toString());
  }
  clock.set('2025-03-04T18:59:59.999Z');
  expect(today(ctx).toString()).toBe('2025-03-04');
  clock.set('2025-03-04T19:00:00Z');
  expect(today(ctx).toString()).toBe('2025-03-05');
});
