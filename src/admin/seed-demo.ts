/**
 * The Koksu demo dataset (issue 2 item 9): the district's rural districts, one user per role, and the
 * synthetic population served by the fake state systems. Idempotent: seeding again changes nothing.
 * Everything here is SYNTHETIC — no real person's data.
 */
import type { Database } from '../db/connect';
import type { Clock } from '../context';
import type { Role } from '../auth/roles';
import { addUser } from './add-user';
import { seedPopulation } from '../demo/seed';
import { seedShippedRules } from './rules-store';
import koksu from '../rules/districts/koksu.json';

export const DEMO_USERS: readonly { username: string; fullName: string; role: Role; district?: boolean }[] = [
  { username: 'specialist', fullName: 'Айгүл Сейітқызы Омарова (демо)', role: 'SPECIALIST' },
  { username: 'head', fullName: 'Ерлан Бақытұлы Жақсыбеков (демо)', role: 'HEAD' },
  { username: 'akim', fullName: 'Нұрлан Серікұлы Әбенов (демо)', role: 'RURAL_AKIM', district: true },
  { username: 'statecorp', fullName: 'Дана Маратқызы Исаева (демо)', role: 'STATE_CORP' },
  { username: 'precinct', fullName: 'Бауыржан Төлегенұлы Ахметов (демо)', role: 'PRECINCT_COMMISSION' },
  { username: 'special', fullName: 'Гүлнар Әлібекқызы Нұрланова (демо)', role: 'SPECIAL_COMMISSION' },
  { username: 'accountant', fullName: 'Сәуле Қайратқызы Мұхамеджанова (демо)', role: 'ACCOUNTANT' },
  { username: 'auditor', fullName: 'Арман Ғалымұлы Тоқтаров (демо)', role: 'AUDITOR' },
  { username: 'admin', fullName: 'Әкімші (демо)', role: 'ADMIN' },
];

interface RuralDistrictEntry {
  readonly code: string;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly example?: boolean;
}

/** Fills the rural districts from the district configuration (insert or update, never delete; a district the administrator changed keeps its change). */
export async function seedRuralDistricts(database: Database, list: readonly RuralDistrictEntry[]): Promise<void> {
  for (const d of list) {
    await database.query(
      `insert into rural_district (id, name_kk, name_ru, example) values ($1, $2, $3, $4)
       on conflict (id) do update set name_kk = excluded.name_kk, name_ru = excluded.name_ru, example = excluded.example
       where rural_district.changed_at is null`,
      [d.code, d.name_kk, d.name_ru, d.example ?? false],
    );
  }
}

export const KOKSU_RURAL_DISTRICTS: readonly RuralDistrictEntry[] = (koksu as { ruralDistricts: RuralDistrictEntry[] }).ruralDistricts;

/** Adds the demo users that do not exist yet; returns the usernames added. */
export async function seedDemoUsers(database: Database, clock: Clock, password: string): Promise<string[]> {
  const existing = new Set((await database.query<{ username: string }>('select username from app_user')).map((r) => r.username));
  const [firstDistrict] = await database.query<{ id: string }>('select id from rural_district order by id limit 1');
  const added: string[] = [];
  for (const u of DEMO_USERS) {
    if (existing.has(u.username)) continue;
    await addUser({ database, clock, actor: null }, { username: u.username, fullName: u.fullName, role: u.role, password, ruralDistrictId: u.district ? firstDistrict?.id ?? null : null });
    added.push(u.username);
  }
  return added;
}

export interface SeedDemoOptions {
  readonly persons: number;
  readonly seed: number;
  readonly password: string;
  /** Also load the synthetic registry (reg_*) of `persons` persons when none is loaded (`komek seed demo`). */
  readonly population?: boolean;
}

/** Seeds the whole demo dataset; safe to run on every start. */
export async function seedDemo(database: Database, clock: Clock, opts: SeedDemoOptions): Promise<{ usersAdded: string[] }> {
  await seedRuralDistricts(database, KOKSU_RURAL_DISTRICTS);
  const usersAdded = await seedDemoUsers(database, clock, opts.password);
  await seedShippedRules(database, clock);
  // The synthetic registry the fake state systems and the what-if impact preview read (kept if already loaded).
  const [loaded] = await database.query('select 1 from reg_seed');
  if (opts.population && opts.persons > 0 && !loaded) await seedPopulation(database, { persons: opts.persons, seed: opts.seed, asOf: clock.now().toZonedDateTimeISO('Asia/Almaty').toPlainDate() });
  return { usersAdded };
}
