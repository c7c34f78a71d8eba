import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('the configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(c.port).toBe(3000);
    expect(c.officeHours).toEqual({ start: '09:00', end: '18:30' });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it('lets command-line flags win over the environment', () => {
    const c = loadConfig({ PORT: '4000', KOMEK_DATA_DIR: '/a' }, { port: '5000', dataDir: '/b' });
    expect(c.port).toBe(5000);
    expect(c.database).toEqual({ kind: 'pglite', dataDir: '/b' });
  });

  it('reports every problem at once, naming each setting', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', KOMEK_SESSION_HOURS: '0', KOMEK_OFFICE_HOURS: '9-18' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const names = (e as ConfigError).problems.map((p) => p.split(':')[0]).sort();
      expect(names).toEqual(['DATABASE_URL', 'KOMEK_OFFICE_HOURS', 'KOMEK_SESSION_HOURS', 'PORT']);
    }
  });

  it('refuses office hours that end before they start', () => {
    expect(() => loadConfig({ KOMEK_OFFICE_HOURS: '18:00-09:00' })).toThrow(/start 18:00 must be before the end 09:00/);
  });
});
