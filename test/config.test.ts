import { ConfigError, loadConfig } from '../infra/config';

describe('config', () => {
  test('no env at all gives the embedded defaults', () => {
    const c = loadConfig({});
    expect(c.temporal.address).toBeUndefined();
    expect(c.database.kind).toBe('pglite');
    expect(c.mail.smtpUrl).toBeUndefined();
    expect(c.http.port).toBe(3000);
    expect(c.role).toBe('all');
  });

  test('production env selects the real services', () => {
    const c = loadConfig({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      DATABASE_URL: 'postgresql://app:secret@db:5432/governance',
      SMTP_URL: 'smtp://mail.internal:25',
      PORT: '8080',
    });
    expect(c.temporal.address).toBe('temporal.internal:7233');
    expect(c.database).toEqual({ kind: 'postgres', url: 'postgresql://app:secret@db:5432/governance' });
    expect(c.mail.smtpUrl).toBe('smtp://mail.internal:25');
    expect(c.http.port).toBe(8080);
  });

  test('bad values are rejected naming the variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SMTP_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const vars = (err as ConfigError).issues.map((i) => i.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'PORT', 'SMTP_URL']);
    }
  });
});
