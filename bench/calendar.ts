/**
 * Calendar and deadline speed: `npx tsx bench/calendar.ts`. Prints BENCH lines (never asserted in tests).
 * Inputs are pre-built PlainDates spread over 2023–2026 so the loop measures the lookup, not parsing.
 */
import { Temporal } from 'temporal-polyfill';
import { addWorkingDays, buildCalendar, isWorkingDay, workingDaysBetween } from '../src/rules/calendar/calendar';
import { decisionDeadline } from '../src/rules/deadlines';

const N = Number(process.argv[2] ?? 1_000_000);

let t = performance.now();
const cal = buildCalendar();
console.log(`BENCH calendar.build_ms ${(performance.now() - t).toFixed(2)}`);

const dates = Array.from({ length: 1024 }, (_, i) => Temporal.PlainDate.from('2023-01-01').add({ days: (i * 37) % 1400 }));

function measure(name: string, fn: (i: number) => unknown): void {
  for (let i = 0; i < 10_000; i++) fn(i); // warm-up
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < N; i++) if (fn(i)) sink++;
  const ns = ((performance.now() - start) * 1e6) / N;
  console.log(`BENCH ${name} ${ns.toFixed(1)}`);
  if (sink < 0) console.log(sink);
}

measure('calendar.add_working_days_ns', (i) => addWorkingDays(cal, dates[i & 1023] as Temporal.PlainDate, (i % 25) + 1));
measure('calendar.is_working_day_ns', (i) => isWorkingDay(cal, dates[i & 1023] as Temporal.PlainDate));
measure('calendar.working_days_between_ns', (i) => workingDaysBetween(cal, dates[i & 1023] as Temporal.PlainDate, dates[(i + 7) & 1023] as Temporal.PlainDate));
t = performance.now();
const M = Math.max(1, Math.floor(N / 20));
for (let i = 0; i < M; i++) decisionDeadline(cal, { registeredOn: dates[i & 1023] as Temporal.PlainDate });
console.log(`BENCH deadlines.decision_deadline_us ${(((performance.now() - t) * 1e3) / M).toFixed(2)}`);
