/**
 * `npm test` on a fresh machine: what `npm run setup` (and the test run's global setup) installs
 * from the system's package manager, and what it says when it cannot. The decision only; apt-get
 * is never called here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../infra/config';
import { planSystemPackages, type SystemFacts } from '../infra/system-packages';
import { missingSetup } from '../infra/embedded/setup';

const fresh: SystemFacts = { root: true, aptGet: true, chromium: false, cjkFont: false, postgresql: false };
const complete: SystemFacts = { ...fresh, chromium: true, cjkFont: true, postgresql: true };

describe('what the tests need from the system', () => {
  test('a fresh Debian machine as root: apt-get update once, then install Chromium, the CJK font and PostgreSQL', () => {
    const plan = planSystemPackages(fresh);
    expect(plan).toMatchObject({
      action: 'apt-get',
      missing: ['chromium', 'cjk-font', 'postgresql'],
      packages: ['chromium', 'fonts-wqy-microhei', 'postgresql'],
      commands: ['apt-get update', 'apt-get install -y chromium fonts-wqy-microhei postgresql'],
    });
    expect(plan.message).toMatch(/^测试需要Chromium 浏览器、中文字体、PostgreSQL 服务器，正在用 apt-get 安装/);
    expect(plan.message).toContain('installing chromium fonts-wqy-microhei postgresql with apt-get');
  });

  test('only what is missing is installed; nothing missing → nothing to do', () => {
    expect(planSystemPackages({ ...complete, chromium: false })).toMatchObject({
      action: 'apt-get',
      packages: ['chromium'],
      commands: ['apt-get update', 'apt-get install -y chromium'],
    });
    expect(planSystemPackages({ ...complete, cjkFont: false }).packages).toEqual(['fonts-wqy-microhei']);
    expect(planSystemPackages(complete)).toEqual({
      missing: [],
      action: 'none',
      packages: [],
      commands: [],
      message: '',
    });
    // Not root and nothing missing: still nothing to say.
    expect(planSystemPackages({ ...complete, root: false, aptGet: false }).action).toBe('none');
  });

  test('not root: nothing is installed, the message gives the exact sudo command and the variables instead', () => {
    const plan = planSystemPackages({ ...fresh, root: false, postgresql: true });
    expect(plan.action).toBe('tell');
    expect(plan.commands).toEqual(['sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei']);
    expect(plan.message).toContain('当前不是 root 用户');
    expect(plan.message).toContain('run: sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei');
    expect(plan.message).toContain('CHROMIUM_PATH');
    expect(plan.message).not.toContain('postgresql');
  });

  test('no apt-get (another distribution, macOS): the message names each thing and its Debian package', () => {
    const plan = planSystemPackages({ ...fresh, aptGet: false });
    expect(plan).toMatchObject({ action: 'tell', commands: [] });
    expect(plan.message).toContain('没有 apt-get');
    expect(plan.message).toContain(
      "install with this system's package manager: Chromium (Debian: chromium), a CJK font (Debian: fonts-wqy-microhei), a PostgreSQL server (Debian: postgresql)",
    );
    expect(plan.message).toContain('TEST_POSTGRES_URL');
  });

  test('npm test asks for the system packages, npm start does not', () => {
    // A Chromium that is not there: the tests' setup wants it, the service's does not.
    const config = loadConfig({ PATH: process.env.PATH, CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(missingSetup(config, { forTests: true })).toContain('chromium');
    expect(missingSetup(config)).not.toContain('chromium');
    // TEST_POSTGRES_URL set: no PostgreSQL server is needed on this machine.
    const remote = loadConfig({ PATH: '', TEST_POSTGRES_URL: 'postgresql://u:p@db.example:5432/postgres' });
    expect(missingSetup(remote, { forTests: true })).not.toContain('postgresql');
  });
});

describe('npm install', () => {
  test('writes nothing under data/: no install-time scripts, and the Prisma config it loads opens no database', () => {
    const root = path.resolve(__dirname, '..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    // npm runs these at install; none may exist (setup and the data folder belong to npm start / npm test).
    expect(Object.keys(pkg.scripts).filter((k) => /^(pre|post)?install$|^prepare$|^prepublish$/.test(k))).toEqual([]);
    // @prisma/client's postinstall runs `prisma generate`, which evaluates prisma.config.ts: loading
    // it opens no database (the adapter is made only when a command needs one).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'install-'));
    try {
      // As `prisma generate` does at install: load the config and ask it for the adapter.
      const generate = `process.argv.splice(2, 0, 'generate');
        const config = require('./prisma.config.ts').default;
        config.adapter().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });`;
      execFileSync(process.execPath, ['--import', 'tsx', '-e', generate], {
        cwd: root,
        env: { ...process.env, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' },
        stdio: 'pipe',
      });
      expect(fs.readdirSync(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
