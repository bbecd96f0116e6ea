/**
 * What the tests need from the operating system, besides Node and the tools in infra/embedded/tools.ts:
 *
 * | need                                  | found when                                             | Debian package       |
 * | ------------------------------------- | ------------------------------------------------------ | -------------------- |
 * | Chromium (dashboard end-to-end test)  | CHROMIUM_PATH, else /usr/bin/chromium, is a file       | `chromium`           |
 * | a CJK font (its screenshots)          | `fc-list :lang=zh` lists one                           | `fonts-wqy-microhei` |
 * | a PostgreSQL server (PostgreSQL half) | TEST_POSTGRES_URL is set, or a server binary is there  | `postgresql`         |
 *
 * `planSystemPackages` decides — pure, unit-tested — what to install and how: as root with
 * apt-get, `apt-get update` once, then `apt-get install -y …`; otherwise nothing is installed and
 * the plan's message says exactly what to install (or which variable to set). `npm run setup` and
 * `npm test` (through test/support/global-setup.ts → ensureSetup) carry the plan out; `npm start`
 * needs none of it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AppConfig } from './config';
import { findOnPath, type Log } from './embedded/tools';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export type SystemNeed = 'chromium' | 'cjk-font' | 'postgresql';

export const DEBIAN_PACKAGES: Record<SystemNeed, string> = {
  chromium: 'chromium',
  'cjk-font': 'fonts-wqy-microhei',
  postgresql: 'postgresql',
};

const WHAT: Record<SystemNeed, { zh: string; en: string; instead: string }> = {
  chromium: { zh: 'Chromium 浏览器', en: 'Chromium', instead: 'or set CHROMIUM_PATH to a Chromium/Chrome binary' },
  'cjk-font': { zh: '中文字体', en: 'a CJK font', instead: 'any font fc-list :lang=zh lists' },
  postgresql: {
    zh: 'PostgreSQL 服务器',
    en: 'a PostgreSQL server',
    instead: 'or set TEST_POSTGRES_URL to a server where the role may CREATE DATABASE',
  },
};

/** What was found on this machine. */
export interface SystemFacts {
  /** Running as root (uid 0). */
  root: boolean;
  /** apt-get is on PATH. */
  aptGet: boolean;
  chromium: boolean;
  cjkFont: boolean;
  postgresql: boolean;
}

export interface SystemPlan {
  /** What is missing. */
  missing: SystemNeed[];
  /** nothing to do / install with apt-get / tell the user. */
  action: 'none' | 'apt-get' | 'tell';
  /** The Debian packages for what is missing. */
  packages: string[];
  /** The commands, as a person would type them (what is run, or what to run). */
  commands: string[];
  /** For people: zh-CN first, then English. Empty when nothing is missing. */
  message: string;
}

/** Decide what to install and how (pure). */
export function planSystemPackages(facts: SystemFacts): SystemPlan {
  const missing = (['chromium', 'cjk-font', 'postgresql'] as const).filter(
    (n) => !{ chromium: facts.chromium, 'cjk-font': facts.cjkFont, postgresql: facts.postgresql }[n],
  );
  if (missing.length === 0) return { missing, action: 'none', packages: [], commands: [], message: '' };
  const packages = missing.map((n) => DEBIAN_PACKAGES[n]);
  const zh = missing.map((n) => WHAT[n].zh).join('、');
  const en = missing.map((n) => WHAT[n].en).join(', ');
  const install = `apt-get install -y ${packages.join(' ')}`;
  if (facts.root && facts.aptGet) {
    return {
      missing,
      action: 'apt-get',
      packages,
      commands: ['apt-get update', install],
      message: `测试需要${zh}，正在用 apt-get 安装：${packages.join(' ')} / The tests need ${en}: installing ${packages.join(' ')} with apt-get`,
    };
  }
  const commands = facts.aptGet ? [`sudo apt-get update && sudo ${install}`] : [];
  const how = facts.aptGet
    ? `请运行 / run: ${commands[0]}`
    : `请用本系统的包管理器安装 / install with this system's package manager: ${missing
        .map((n) => `${WHAT[n].en} (Debian: ${DEBIAN_PACKAGES[n]})`)
        .join(', ')}`;
  const instead = missing.map((n) => `${WHAT[n].en}: ${WHAT[n].instead}`).join('; ');
  return {
    missing,
    action: 'tell',
    packages,
    commands,
    message:
      `测试需要${zh}，但${facts.aptGet ? '当前不是 root 用户，' : '没有 apt-get，'}无法自动安装。${how}\n` +
      `The tests need ${en}, which cannot be installed here (${facts.aptGet ? 'not root' : 'no apt-get'}). ` +
      `Instead: ${instead}.`,
  };
}

/** Whether a CJK font is installed (fontconfig's view). */
function hasCjkFont(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '';
}

function hasPostgresServer(config: AppConfig): boolean {
  const debian = '/usr/lib/postgresql';
  try {
    if (fs.readdirSync(debian).some((v) => fs.existsSync(path.join(debian, v, 'bin', 'postgres')))) return true;
  } catch {
    // not Debian's layout
  }
  return !!findOnPath(config, 'postgres');
}

/** Look at this machine. */
export function systemFacts(config: AppConfig): SystemFacts {
  return {
    root: process.getuid?.() === 0,
    aptGet: !!findOnPath(config, 'apt-get'),
    chromium: fs.existsSync(config.testing.chromiumPath ?? DEFAULT_CHROMIUM_PATH),
    cjkFont: hasCjkFont(),
    postgresql: !!config.testing.postgresUrl || hasPostgresServer(config),
  };
}

function run(command: string[], log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    // env(1) sets the variable for apt without this module touching process.env.
    const child = spawn('env', ['DEBIAN_FRONTEND=noninteractive', ...command], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-8000)));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const last = output.trim().split('\n').slice(-15).join('\n    ');
      log(`    ${last}`);
      reject(new Error(`${command.join(' ')} failed (exit code ${code})`));
    });
  });
}

/**
 * Carry the plan out: apt-get as root, else say what to install. Never throws: what is still
 * missing makes the tests that need it fail, saying so. Returns what is still missing.
 */
export async function ensureSystemPackages(config: AppConfig, log: Log): Promise<SystemNeed[]> {
  const plan = planSystemPackages(systemFacts(config));
  if (plan.action === 'none') return [];
  log(`${plan.action === 'apt-get' ? '…' : '✗'} ${plan.message}`);
  if (plan.action === 'tell') return plan.missing;
  try {
    await run(['apt-get', 'update', '-qq'], log);
    await run(['apt-get', 'install', '-y', '-qq', ...plan.packages], log);
  } catch (err) {
    log(
      `✗ ${err instanceof Error ? err.message : String(err)}：请手动安装 / install by hand: ${plan.commands.join(' && ')}`,
    );
  }
  const still = planSystemPackages(systemFacts(config)).missing;
  if (still.length === 0) log(`✓ ${plan.packages.join(', ')}: installed`);
  return still;
}
