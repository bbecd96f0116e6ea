/**
 * The dashboard end to end, in a real browser (Debian's Chromium driven by playwright-core)
 * against the real API: a Temporal dev server, the worker, in-memory PGlite and the built bundle
 * served at `/`.
 *
 * The story of issue #7: a supervisor logs in and sees an overdue community on the desk; its
 * convener logs in, records a meeting dated in the overdue quarter through the form (which
 * corrects the closed period); the supervisor comes back and the community has left the overdue
 * list. On the way: the convener takes up and answers an item escalated from a compound, the
 * English switch (remembered over a reload), the evaluation progress, a phone-width screen used
 * with the keyboard, labels on every input, and no request to any other origin.
 *
 * Screenshots: test-artifacts/screenshots/dashboard-*.png (git-ignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import express from 'express';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createApp } from '../api/app';
import { webRouter } from '../api/routes/web';
import { ensureWebBundle, webBundleState } from '../infra/web-bundle';
import { addDays, periodOfDate, shanghaiDateOf } from '../domain/period';
import { hashPassword } from '../infra/auth';
import { createLogger } from '../infra/log';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { TEST_AUTH } from './support/auth';
import { launchChromium, screenshot } from './support/browser';

jest.setTimeout(300_000);

const SUPERVISOR = { username: 'office', password: 'liaison-office-password-1' };
const CONVENER = { username: 'li.shuji', password: 'bihai-convener-password-1' };
const TEMPORAL_UI = 'http://127.0.0.1:8233';

let browser: Browser | undefined;
let env: TestWorkflowEnvironment | undefined;
let h: ApiHarness | undefined;
let server: Server | undefined;
let base = '';

const today = shanghaiDateOf(new Date());
const thisQuarter = periodOfDate(today, 'quarter');
const lastQuarter = periodOfDate(addDays(thisQuarter.firstDay, -1), 'quarter');

const ids: { street: string; bihai: string; gangbei: string; compound: string; item: string } = {
  street: '',
  bihai: '',
  gangbei: '',
  compound: '',
  item: '',
};

beforeAll(async () => {
  // The bundle the API serves: built here when web/ is newer (global setup usually did it).
  await ensureWebBundle((line) => process.stdout.write(`${line}\n`));
  if (webBundleState() === 'missing')
    throw new Error('The web bundle is missing and could not be built (npm run build:web)');
  browser = await launchChromium(); // fails, saying why, when there is no Chromium
  env = await startTemporal();
  h = await startApi(env, 'pglite');
  // The harness's app, plus the Temporal Web UI address the dashboard links workflows to.
  const app = createApp({
    prisma: h.db.prisma,
    temporal: env.client,
    taskQueue: h.taskQueue,
    clock: () => new Date(),
    log: createLogger('warn', 'dashboard-e2e'),
    mailSink: h.mail.sink,
    auth: TEST_AUTH,
    temporalUiUrl: TEMPORAL_UI,
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await seed(h);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await h?.close();
  await env?.teardown();
});

async function ok<T = any>(req: Promise<{ status: number; body: T }>, ...expected: number[]): Promise<T> {
  const res = await req;
  if (!expected.includes(res.status)) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A street, two overdue communities, a compound whose item went up to one of them, users. */
async function seed(api: ApiHarness): Promise<void> {
  const admin = api.admin;
  const prisma = api.db.prisma;
  // Remind conveners 120 working days ahead: the current quarter's reminder goes out at once (a receipt).
  await ok(
    admin.put('/api/cadence-rules/community').send({
      period: 'quarter',
      minMeetings: 1,
      reminderLadder: [120],
      supervisorAfterDays: 3,
      countAdhoc: true,
    }),
    200,
  );
  const unit = (body: object) => ok(admin.post('/api/units').send(body), 201);
  await unit({
    code: 'donggang',
    name: '东港市',
    level: 'city',
    convenerName: '市委书记',
    convenerEmail: 'city@example.org',
  });
  ids.street = (
    await unit({
      code: 'xinxing',
      name: '新兴街道',
      level: 'street',
      parentCode: 'donggang',
      convenerName: '王书记',
      convenerEmail: 'wang@example.org',
    })
  ).id;
  ids.bihai = (
    await unit({
      code: 'bihai',
      name: '碧海社区',
      level: 'community',
      parentCode: 'xinxing',
      convenerName: '李书记',
      convenerEmail: 'li@example.org',
    })
  ).id;
  ids.gangbei = (
    await unit({
      code: 'gangbei',
      name: '港北社区',
      level: 'community',
      parentCode: 'xinxing',
      convenerName: '赵书记',
      convenerEmail: 'zhao@example.org',
    })
  ).id;
  ids.compound = (
    await unit({
      code: 'binjiang',
      name: '滨江小区',
      level: 'compound',
      parentCode: 'bihai',
      convenerName: '孙书记',
      convenerEmail: 'sun@example.org',
    })
  ).id;

  // The compound's meeting raised an item it cannot solve: it goes up to 碧海社区 with the minutes.
  await ok(
    admin.post('/api/units/binjiang/meetings').send({
      heldOn: today,
      attendees: ['孙书记', '物业经理', '业委会主任'],
      minutes: '居民反映小区停车位严重不足，夜间占用消防通道。',
      agendaItems: [{ title: '小区停车难', raisedBy: '居民代表' }],
    }),
    201,
  );
  const items = await ok(admin.get(`/api/agenda-items?unitId=${ids.compound}`), 200);
  ids.item = items.items[0].id;
  await ok(
    admin.post(`/api/agenda-items/${ids.item}/escalations`).send({
      what: '小区停车位不足，夜间占用消防通道',
      whyNotSolvable: '涉及周边道路规划与交通管理，小区无权处理',
      ask: '请社区协调城管、交警增设临时停车位',
    }),
    201,
  );

  // Three paired departments and this year's evaluation campaigns (progress: raters vs quorum).
  for (const [code, name] of [
    ['civil-affairs', '市民政局'],
    ['urban-management', '市城管局'],
    ['health', '市卫健局'],
  ] as const) {
    await ok(
      admin.post('/api/departments').send({ code, name, contactName: '联络员', contactEmail: `${code}@example.org` }),
      201,
    );
  }
  await ok(
    admin
      .put('/api/units/bihai/department-pairings')
      .send({ departmentCodes: ['civil-affairs', 'urban-management', 'health'] }),
    200,
    201,
  );
  await ok(admin.post('/api/evaluations/campaigns').send({ year: Number(today.slice(0, 4)) }), 200, 201);

  // 碧海社区's paired leader did not visit last quarter either: his visit period closed overdue too.
  const leader = await ok<{ id: string }>(
    admin.post('/api/leaders').send({
      code: 'wang-jianguo',
      name: '王建国',
      title: '副市长',
      email: 'wang@example.org',
      communityCode: 'bihai',
    }),
    201,
  );
  await prisma.periodOutcome.create({
    data: {
      unitId: ids.bihai,
      obligation: `leader-visit:${leader.id}`,
      periodKey: lastQuarter.key,
      status: 'overdue',
      dueAt: new Date(`${lastQuarter.lastDay}T10:00:00Z`),
      closedAt: new Date(`${addDays(lastQuarter.lastDay, 1)}T01:00:00Z`),
      meetingsHeld: 0,
    },
  });

  // Both communities closed last quarter without a meeting: overdue (what the workflow records).
  for (const unitId of [ids.bihai, ids.gangbei]) {
    await prisma.periodOutcome.create({
      data: {
        unitId,
        obligation: `meeting-cadence:${unitId}`,
        periodKey: lastQuarter.key,
        status: 'overdue',
        dueAt: new Date(`${lastQuarter.lastDay}T10:00:00Z`),
        closedAt: new Date(`${addDays(lastQuarter.lastDay, 1)}T01:00:00Z`),
        meetingsHeld: 0,
      },
    });
  }

  await prisma.user.create({
    data: {
      username: SUPERVISOR.username,
      displayName: '联络办 陈主任',
      role: 'supervisor',
      passwordHash: await hashPassword(SUPERVISOR.password),
    },
  });
  await prisma.user.create({
    data: {
      username: CONVENER.username,
      displayName: '李书记',
      role: 'convener',
      unitId: ids.bihai,
      passwordHash: await hashPassword(CONVENER.password),
    },
  });
}

// --- Browser helpers --------------------------------------------------------------------------

interface Watched {
  page: Page;
  /** Console errors, page errors, and requests to any other origin. */
  problems: string[];
}

async function openPage(context: BrowserContext): Promise<Watched> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    // A 4xx the app handles (a unit above the convener's scope) is logged by Chromium as a failed load.
    if (
      msg.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 404/.test(msg.text())
    )
      problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    if (!req.url().startsWith(base) && !req.url().startsWith('data:') && !req.url().startsWith('blob:'))
      problems.push(`request to another origin: ${req.url()}`);
  });
  return { page, problems };
}

async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: /登录督办工作台|Log in to the desk/ }).waitFor();
  await page.getByLabel(/用户名|Username/).fill(who.username);
  await page.getByLabel(/密码|Password/).fill(who.password);
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click();
}

async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录|Log out/ }).click();
  await page.getByRole('heading', { name: /登录督办工作台|Log in to the desk/ }).waitFor();
}

/** Wait until a list of the desk has loaded (its table or its empty line). */
async function listLoaded(page: Page, id: string): Promise<void> {
  await page.locator(`#${id} table, #${id} .empty`).first().waitFor();
}

/*
 * In-page checks are written as expressions: they run in the browser, and the DOM's types are not
 * part of this Node program.
 */
const FOCUSED_ID = 'document.activeElement?.id';
const FOCUS_OUTLINE = 'getComputedStyle(document.activeElement).outlineStyle';
const PAGE_WIDTH = 'document.documentElement.scrollWidth';
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
  .map((el) => el.outerHTML.slice(0, 120))`;

/** Every form control has a label (or an aria-label). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(UNLABELLED_CONTROLS);
}

// --- The story ------------------------------------------------------------------------------

test('supervisor sees the overdue community; its convener records the meeting; it leaves the overdue list', async () => {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const { page, problems } = await openPage(context);

  // The page is served with its own assets only, and zh-CN by default.
  await page.goto(`${base}/`);
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await page.getByRole('heading', { name: '登录督办工作台' }).waitFor();
  await screenshot(page, 'dashboard-01-login');

  // 1. The supervisor: the desk, with 碧海社区 in the overdue list.
  await logIn(page, SUPERVISOR);
  await page.getByRole('heading', { name: '督办工作台', level: 1 }).waitFor();
  const overdue = page.locator('#overdue-meetings');
  await overdue.getByRole('link', { name: '碧海社区' }).waitFor();
  await overdue.getByRole('link', { name: '港北社区' }).waitFor();
  await listLoaded(page, 'escalations');
  await page.locator('#escalations').getByText('小区停车难').waitFor();
  await page.locator('#chart-quarter-caption ~ .chart svg').waitFor();
  await page.locator('#chart-year-caption ~ .chart svg').waitFor();
  await listLoaded(page, 'overdue-visits');
  await listLoaded(page, 'absences');
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, 'dashboard-02-supervisor-desk');

  // Filters: another street's view has none; the period filter keeps last quarter's.
  await page.getByLabel('期间').selectOption(lastQuarter.key);
  await overdue.getByRole('link', { name: '碧海社区' }).waitFor();
  await page.getByLabel('期间').selectOption(thisQuarter.key);
  await overdue.getByText('没有会议逾期的单位。').waitFor();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await overdue.getByRole('link', { name: '碧海社区' }).waitFor();

  // The row drills down to the unit's timeline: the closed period, the reminder receipt, the item.
  await overdue.getByRole('link', { name: '碧海社区' }).click();
  await page.getByRole('heading', { name: '碧海社区', level: 1 }).waitFor();
  const timeline = page.locator('ol.timeline');
  await timeline.getByText(`会议义务逾期`).first().waitFor();
  await timeline.getByText('王建国 走访逾期').waitFor(); // the leader's visit period, told apart
  await timeline
    .getByText(/开会提醒|上移议题送达/)
    .first()
    .waitFor();
  await page.getByText('只读：只有本单位召集人可以记录会议和办理议题。').waitFor();
  const workflowLink = page.getByRole('region', { name: '本期会议义务' }).getByRole('link', { name: /查看流程/ });
  await workflowLink.waitFor();
  expect(await workflowLink.getAttribute('href')).toBe(
    `${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(`meeting-cadence:${ids.bihai}`)}`,
  );
  await screenshot(page, 'dashboard-03-supervisor-unit-timeline');
  await logOut(page);

  // 2. The convener: their unit's page; record last quarter's meeting through the form.
  await logIn(page, CONVENER);
  await page.waitForURL(`${base}/units/${ids.bihai}`);
  await page.getByRole('heading', { name: '碧海社区', level: 1 }).waitFor();
  await page.getByRole('heading', { name: '记录会议' }).waitFor();
  await page.getByText('小区停车难').first().waitFor(); // the queue: escalated from 滨江小区
  await page.getByLabel('召开日期').fill(lastQuarter.lastDay);
  await page.getByLabel('参会人员').fill('李书记\n市民政局\n市城管局、市卫健局');
  await page.getByLabel('会议纪要').fill('第三季度联席会议（补录）：研究老旧小区改造与垃圾分类。');
  await page.getByRole('button', { name: /添加议题/ }).click();
  await page.getByLabel(/议题名称/).fill('垃圾分类投放点设置');
  await page.getByLabel('提出人').fill('居民代表');
  await page.getByLabel(/本级解决情况/).fill('会上确定在 3 号楼东侧增设投放点。');
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, 'dashboard-04-convener-record-meeting');
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await page.getByText(`已记录 ${lastQuarter.lastDay} 的会议`).waitFor();
  await page.locator('ol.timeline').getByText('已于').first().waitFor(); // the closed period, corrected

  // Today's ad-hoc meeting takes up the compound's item; then the answer goes back down.
  await page.getByLabel('会议类型').selectOption('adhoc');
  await page.getByLabel('会议纪要').fill('临时会议：研究滨江小区停车难。');
  await page.getByRole('checkbox', { name: /小区停车难/ }).check();
  await page.getByRole('button', { name: '保存会议记录' }).click();
  await page.getByText(`已记录 ${today} 的会议`).waitFor();
  await page.getByLabel('答复内容').fill('已协调城管、交警在滨江路增设 40 个夜间临时停车位。');
  await page.getByRole('button', { name: '答复', exact: true }).click();
  await page.getByText('没有待本级办理的上移议题。').waitFor();
  await screenshot(page, 'dashboard-05-convener-after-saving');

  // The English switch, remembered over a reload; then back to 中文.
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { name: 'Record a meeting' }).waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  await page.reload();
  await page.getByRole('heading', { name: 'Record a meeting' }).waitFor();
  await page.getByRole('heading', { name: /This period’s meeting obligation/ }).waitFor();
  await screenshot(page, 'dashboard-06-convener-english');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('heading', { name: '记录会议' }).waitFor();
  await logOut(page);

  // 3. The supervisor again: 碧海社区 has left the overdue list; 港北社区 is still on it.
  await logIn(page, SUPERVISOR);
  await overdue.getByRole('link', { name: '港北社区' }).waitFor();
  expect(await overdue.getByRole('link', { name: '碧海社区' }).count()).toBe(0);
  await page.locator('#escalations').getByText('没有待答复的上移议题。').waitFor();
  await screenshot(page, 'dashboard-07-supervisor-desk-after');

  // An export button downloads the XLSX ledger (fetched with the token, saved under the server's name).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /本季度议题统计与台账/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`agenda-ledger-${thisQuarter.key}.xlsx`);
  const xlsx = fs.readFileSync(await download.path());
  expect(xlsx.subarray(0, 2).toString()).toBe('PK'); // a zip: the workbook

  // The evaluation progress: raters so far against the quorum.
  await page.getByRole('link', { name: '考核评分' }).click();
  await page.getByRole('heading', { name: '年度考核评分进度', level: 1 }).waitFor();
  const row = page.getByRole('row').filter({ hasText: '碧海社区' });
  await row.getByText('0 / 50').waitFor();
  await screenshot(page, 'dashboard-08-evaluation-progress');

  expect(problems).toEqual([]);
  await context.close();
});

test('on a phone-width screen, with the keyboard only', async () => {
  const context = await browser!.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
  const { page, problems } = await openPage(context);
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: '登录督办工作台' }).waitFor();

  // Tab to the username field, type, Tab to the password, Enter submits.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate<string | undefined>(FOCUSED_ID)) === 'login-username') break;
  }
  expect(await page.evaluate<string | undefined>(FOCUSED_ID)).toBe('login-username');
  // The focused field shows a visible focus ring.
  expect(await page.evaluate<string>(FOCUS_OUTLINE)).toBe('solid');
  await page.keyboard.type(SUPERVISOR.username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(SUPERVISOR.password);
  await page.keyboard.press('Enter');

  await page.getByRole('heading', { name: '督办工作台', level: 1 }).waitFor();
  await page.locator('#overdue-meetings').getByRole('link', { name: '港北社区' }).waitFor();
  await page.locator('#chart-quarter-caption ~ .chart svg').waitFor();
  await listLoaded(page, 'escalations');
  await listLoaded(page, 'overdue-visits');
  await listLoaded(page, 'absences');
  // Nothing wider than the screen.
  expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(375);
  await screenshot(page, 'dashboard-09-phone-desk');

  // Follow the row's link with the keyboard.
  await page.locator('#overdue-meetings').getByRole('link', { name: '港北社区' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: '港北社区', level: 1 }).waitFor();
  await page.locator('ol.timeline').getByText('会议义务逾期').first().waitFor();
  expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(375);
  await screenshot(page, 'dashboard-10-phone-unit');

  // 360 px, the narrowest phone: the convener's page with its forms fits too.
  await page.setViewportSize({ width: 360, height: 740 });
  await logOut(page);
  await logIn(page, CONVENER);
  await page.getByRole('heading', { name: '记录会议' }).waitFor();
  await page.getByRole('button', { name: /添加议题/ }).click();
  await page.locator('ol.timeline').waitFor();
  expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(360);
  await screenshot(page, 'dashboard-11-phone-convener-360');

  expect(problems).toEqual([]);
  await context.close();
});

test('a temporary password is changed through the form right after logging in', async () => {
  const user = await ok(
    h!.admin.post('/api/users').send({
      username: 'temp.user',
      displayName: '新同事',
      role: 'supervisor',
      password: 'first-password-123',
    }),
    201,
  );
  await ok(
    h!.admin.post(`/api/users/${user.id}/temporary-password`).send({ temporaryPassword: 'temporary-password-1' }),
    200,
  );
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const { page, problems } = await openPage(context);
  await logIn(page, { username: 'temp.user', password: 'temporary-password-1' });
  // Sent to the form before anything else.
  await page.getByRole('heading', { name: '修改密码', level: 1 }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/account/password');
  await page.getByText('管理员为您设置了临时密码').waitFor();
  expect(await unlabelledControls(page)).toEqual([]);
  await page.getByLabel('当前密码').fill('temporary-password-1');
  await page.getByLabel('新密码（至少 12 个字符）').fill('my-own-password-456');
  await page.getByLabel('再次输入新密码').fill('my-own-password-457');
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByText('两次输入的新密码不一致。').waitFor();
  await page.getByLabel('再次输入新密码').fill('my-own-password-456');
  await screenshot(page, 'dashboard-12-change-password');
  await page.getByRole('button', { name: '修改密码' }).click();
  // Then the desk, with the new token; the new password works and the temporary one no longer does.
  await page.getByRole('heading', { name: '督办工作台', level: 1 }).waitFor();
  await request(h!.app)
    .post('/api/auth/login')
    .send({ username: 'temp.user', password: 'my-own-password-456' })
    .expect(200);
  await request(h!.app)
    .post('/api/auth/login')
    .send({ username: 'temp.user', password: 'temporary-password-1' })
    .expect(401);
  expect(problems).toEqual([]);
  await context.close();
});

test('serves the bundle with cache headers, the SPA fallback and the UI config', async () => {
  const index = await fetch(`${base}/`);
  expect(index.status).toBe(200);
  expect(index.headers.get('cache-control')).toBe('no-cache');
  expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
  const html = await index.text();
  expect(html).not.toMatch(/https?:\/\//); // no CDN
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  expect(asset).toBeDefined();
  const js = await fetch(`${base}${asset}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);

  // A page of the app is index.html; an unknown API route and a missing asset stay 404s.
  const deep = await fetch(`${base}/units/${ids.bihai}`, { headers: { accept: 'text/html' } });
  expect(deep.status).toBe(200);
  expect(await deep.text()).toBe(html);
  expect((await fetch(`${base}/api/no-such-route`)).status).toBe(401); // the API's answer, not the page
  expect((await fetch(`${base}/assets/no-such-file.js`)).status).toBe(404);

  // GET /api/ui-config needs a login.
  expect((await fetch(`${base}/api/ui-config`)).status).toBe(401);
  const login = (await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SUPERVISOR),
    })
  ).json()) as any;
  const auth = { authorization: `Bearer ${login.token}` };
  const config = await fetch(`${base}/api/ui-config`, { headers: auth });
  expect(await config.json()).toEqual({ temporalUiUrl: TEMPORAL_UI, namespace: 'default' });
  const api404 = await fetch(`${base}/api/no-such-route`, { headers: { ...auth, accept: 'text/html' } });
  expect(api404.status).toBe(404);
  expect(((await api404.json()) as any).error.code).toBe('not_found');
});

test('without a bundle, the dashboard answers 503 saying how to build it', async () => {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-web-bundle-'));
  try {
    const app = express().use(webRouter({}, empty));
    for (const page of ['/', '/units/bihai', '/evaluations']) {
      const res = await request(app).get(page).set('accept', 'text/html').expect(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('npm run build:web');
    }
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
});
