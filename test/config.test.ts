import { ConfigError, loadConfig } from '../infra/config';
import { redact } from '../infra/log';

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

  test('TRUST_PROXY: unset trusts no proxy; hop counts and address lists are taken; true and junk are refused', () => {
    expect(loadConfig({}).http.trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).http.trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::1' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
      'fd00::1',
    ]);
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '300.1.1.1', 'loopback,']) {
      try {
        loadConfig({ TRUST_PROXY: bad });
        throw new Error(`expected a ConfigError for ${bad}`);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as ConfigError).issues.map((i) => i.variable)).toEqual(['TRUST_PROXY']);
      }
    }
  });
});

describe('config: pairs and production', () => {
  test('TLS certificate without key, and admin username without password, are refused', () => {
    try {
      loadConfig({ TEMPORAL_TLS_CERT_PATH: '/x.pem', BOOTSTRAP_ADMIN_USERNAME: 'admin' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
        'BOOTSTRAP_ADMIN_PASSWORD',
        'TEMPORAL_TLS_KEY_PATH',
      ]);
    }
  });

  test('production needs a token secret of at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_TOKEN_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'short' })).toThrow(/AUTH_TOKEN_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(40), TEMPORAL_API_KEY: 'k' });
    expect(c.auth.tokenSecret).toHaveLength(40);
    expect(c.temporal.apiKey).toBe('k');
  });
});

describe('logs carry no secrets', () => {
  test.each([
    ['connecting to postgresql://app:s3cret@db:5432/gov', 'connecting to postgresql://app:***@db:5432/gov'],
    ['smtp://mailer:pa55@mail.internal:587 refused', 'smtp://mailer:***@mail.internal:587 refused'],
    ['{"username":"admin","password":"hunter2hunter2"}', '{"username":"admin","password":"***"}'],
    ['{"AUTH_TOKEN_SECRET":"abc","PORT":"3000"}', '{"AUTH_TOKEN_SECRET":"***","PORT":"3000"}'],
    ['header Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln', 'header Bearer ***'],
    ['key dgk_AbC-123_xyz used', 'key dgk_*** used'],
    ['http://localhost:3000/api/units', 'http://localhost:3000/api/units'],
  ])('%s', (line, expected) => {
    expect(redact(line)).toBe(expected);
  });
});
