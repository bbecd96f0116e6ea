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
import { DEFAULT_ESCALATION_RULES } from '../domain/escalation';
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
import { periodLabel } from '../domain/period-labels';
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
  // The escalation's workflow runs on the real clock: on a day off its "received" notice would wait
  // for the next working day's notice hour. Here event notices go at once.
  for (const { level, ...rule } of Object.values(DEFAULT_ESCALATION_RULES)) {
    await prisma.escalationRule.upsert({
      where: { level },
      create: { level, ...rule, eventNotices: 'at-once' },
      update: { eventNotices: 'at-once' },
    });
  }
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
  await fillLogin(page, who);
}

/** Log in on the login form the current page shows (whatever its URL). */
async function fillLogin(page: Page, who: { username: string; password: string }): Promise<void> {
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
/** The notice's item (highlighted on the unit's page) is in the viewport: scrolled to. */
const SELECTED_ITEM_IN_VIEW = `(() => {
  const r = document.querySelector('.item.selected')?.getBoundingClientRect();
  return !!r && r.top >= 0 && r.top < window.innerHeight;
})()`;
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
  .map((el) => el.outerHTML.slice(0, 120))`;

/** Every form control has a label (or an aria-label). */
async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(UNLABELLED_CONTROLS);
}

// --- The link in every mail (issue 14) -----------------------------------------------------

/** The links in the harness worker's notices start with its PUBLIC_URL (test/support/fixtures.ts). */
const PUBLIC_URL = 'http://localhost:3000';

/** The same page on this test's server: path and query of a link from a mail. */
function onThisServer(link: string): string {
  expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true);
  const url = new URL(link);
  return `${base}${url.pathname}${url.search}`;
}

test('the link in a real notice: opened logged out, it asks for the login, then shows the page it names', async () => {
  // The escalation's notice to 碧海社区's convener, as the mail sink received it over SMTP.
  const received = await h!.mail.sink.waitFor(
    (m) => m.to.includes('li@example.org') && m.subject === '【议题上移】滨江小区上报议题“小区停车难”',
  );
  const link = /议题台账：(\S+)/.exec(received.text)?.[1];
  expect(link).toBe(`${PUBLIC_URL}/units/${ids.bihai}?item=${ids.item}`);
  expect(received.html).toContain(`<a href="${link}"`); // the HTML part's button: the same page
  expect(`${received.text}${received.html}`).not.toContain('/api/');

  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const { page, problems } = await openPage(context);
  const target = onThisServer(link!);
  await page.goto(target);
  await page.getByText('登录后将打开您要访问的页面。').waitFor();
  expect(page.url()).toBe(target);
  await fillLogin(page, CONVENER);
  // Logged in: the page the link names, not the convener's landing page — the item highlighted.
  await page.getByRole('heading', { name: '碧海社区', level: 1 }).waitFor();
  const item = page.locator('li.item.selected');
  await item.getByRole('heading', { name: '小区停车难' }).waitFor();
  expect(page.url()).toBe(target);
  expect(await item.getAttribute('data-item-id')).toBe(ids.item);
  expect(await item.getAttribute('aria-current')).toBe('true');
  expect(await page.locator('.item.selected').count()).toBe(1);
  await page.waitForFunction(SELECTED_ITEM_IN_VIEW);
  await screenshot(page, 'dashboard-12-notice-link-escalated-item');

  // The HTML part in a browser: zh-CN first, the link as a button, nothing loaded from anywhere.
  const mailPage = await context.newPage();
  const mailRequests: string[] = [];
  mailPage.on('request', (req) => mailRequests.push(req.url()));
  await mailPage.setContent(received.html!);
  const button = mailPage.getByRole('link', { name: '议题台账' });
  expect(await button.getAttribute('href')).toBe(link);
  const blocks = await mailPage
    .locator('body > div > div[lang]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('lang')));
  expect(blocks).toEqual(['zh-CN', 'en']);
  await mailPage.getByText('滨江小区将议题“小区停车难”连同会议纪要上报碧海社区（社区）联席会议').waitFor();
  expect(mailRequests).toEqual([]);
  await screenshot(mailPage, 'mail-01-escalation-html');
  await mailPage.close();
  await context.close();

  // The convener's meeting reminder links to the unit's page; a supervisor opens it logged out.
  const reminder = await h!.mail.sink.waitFor(
    (m) => m.to.includes('li@example.org') && m.subject.startsWith('【提醒】碧海社区联席会议'),
  );
  expect(reminder.subject).toContain(`（${periodLabel(thisQuarter.key, 'zh')}）`);
  const unitLink = /单位页面：(\S+)/.exec(reminder.text)?.[1];
  expect(unitLink).toBe(`${PUBLIC_URL}/units/${ids.bihai}`);
  const office = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const second = await openPage(office);
  await second.page.goto(onThisServer(unitLink!));
  await fillLogin(second.page, SUPERVISOR);
  await second.page.getByRole('heading', { name: '碧海社区', level: 1 }).waitFor();
  expect(second.page.url()).toBe(`${base}/units/${ids.bihai}`); // not the desk, where supervisors land
  await second.page.getByRole('region', { name: '本期会议义务' }).waitFor();
  await screenshot(second.page, 'dashboard-13-notice-link-unit-page');

  // The evaluation's notice links to its progress page, the community's campaign highlighted.
  const opened = await h!.mail.sink.waitFor(
    (m) => m.to.includes('li@example.org') && m.subject.startsWith('【年度考核】'),
  );
  const progressLink = /考核评分进度：(\S+)/.exec(opened.text)?.[1];
  expect(progressLink).toMatch(
    new RegExp(`^${PUBLIC_URL}/evaluations\\?year=${today.slice(0, 4)}&campaign=[0-9a-f-]+$`),
  );
  expect(opened.html).toContain(`<a href="${progressLink!.replace('&', '&#38;')}"`);
  await second.page.goto(onThisServer(progressLink!));
  await second.page.getByRole('heading', { name: '年度考核评分进度', level: 1 }).waitFor();
  await second.page.locator('tr.selected').getByText('碧海社区').waitFor();
  await screenshot(second.page, 'dashboard-14-notice-link-evaluation');

  const mailPage2 = await office.newPage();
  await mailPage2.setContent(reminder.html!);
  expect(await mailPage2.getByRole('link', { name: '单位页面' }).getAttribute('href')).toBe(unitLink);
  await screenshot(mailPage2, 'mail-02-reminder-html');
  await office.close();

  expect([...problems, ...second.problems]).toEqual([]);
});

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

// --- The working-day calendar (issue 13) ------------------------------------------------------

/**
 * A made-up notice for 2027 in the State Council's form (not the real one), every weekday note
 * checked against the calendar: 2027-01-01 is a Friday.
 */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知（示例）
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）、5月8日（周六）上班。
五、端午节：6月9日（周三）放假。
六、中秋节：9月15日（周三）放假。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2026年11月X日`;

test('a supervisor pastes the holiday notice of a missing year: preview, confirm, the banner goes', async () => {
  // The year the server counts in (its clock, Asia/Shanghai), not the browser's: 2027 lacks data
  // while it is 2026 or 2027 (chinese-days 1.5.7 ships up to 2026).
  const login = (await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SUPERVISOR),
    })
  ).json()) as any;
  const years = (await (
    await fetch(`${base}/api/calendar/years`, { headers: { authorization: `Bearer ${login.token}` } })
  ).json()) as { currentYear: number; missing: number[] };
  expect(years.missing).toContain(2027);

  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const { page, problems } = await openPage(context);
  await logIn(page, SUPERVISOR);
  await page.getByRole('heading', { name: '督办工作台', level: 1 }).waitFor();

  // The banner on every page while 2027 is missing; its link opens the calendar.
  const banner = page.locator('.calendar-banner');
  await banner.getByText('2027年节假日安排尚未录入，工作日暂按周一至周五计算。').waitFor();
  await banner.getByRole('link', { name: '录入通知' }).click();
  await page.waitForURL(`${base}/calendar`);
  await page.getByRole('heading', { name: '工作日历', level: 1 }).waitFor();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作日历' }).waitFor();
  const row2027 = page.locator('table.coverage tr[data-year="2027"]');
  await row2027.getByText('缺失').waitFor();
  expect(await row2027.getAttribute('class')).toContain('row-missing');
  await page.locator(`td[data-date="${years.currentYear}-01-01"]`).waitFor(); // the month grid

  // The form: the year defaults to the first missing one; a weekday note that contradicts its
  // date is refused with its line, and the link selects that line in the text.
  const yearInput = page.getByLabel('年度', { exact: true });
  expect(await yearInput.inputValue()).toBe(String(years.missing[0]));
  await yearInput.fill('2027');
  const text = page.getByLabel(/通知全文/);
  await text.fill(NOTICE_2027.replace('1月1日（周五）', '1月1日（周四）'));
  await page.getByRole('button', { name: '预览' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: '第4行' });
  await refusal.waitFor();
  await refusal.getByRole('button', { name: '转到第 4 行' }).click();
  expect(await page.evaluate<string | undefined>(FOCUSED_ID)).toBe('notice-text');
  expect(
    await page.evaluate<string>(
      `(() => { const t = document.activeElement; return t.value.slice(t.selectionStart, t.selectionEnd); })()`,
    ),
  ).toMatch(/^一、元旦：1月1日（周四）/);

  // The right notice: the preview lists 2027-01-01 as 元旦, a day off (a Friday).
  await text.fill(NOTICE_2027);
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.locator('.notice-preview');
  await preview.getByRole('heading', { name: '2027年预览（尚未录入）' }).waitFor();
  await preview.getByText('7 个节日，放假 27 天，调休上班 5 天。').waitFor();
  const newYear = preview.locator('tr', { hasText: '元旦' });
  expect(await newYear.locator('li.day-chip-off[data-date="2027-01-01"]').textContent()).toBe('1月1日 周五');
  expect(
    await preview.locator('tr', { hasText: '春节' }).locator('li.day-chip-makeup[data-date="2027-02-20"]').count(),
  ).toBe(1);
  await preview.getByText('该年度尚无数据：确认后，工作日按本通知计算。').waitFor();
  expect(await unlabelledControls(page)).toEqual([]);
  await screenshot(page, 'dashboard-12-calendar-preview');
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(360);
  await screenshot(page, 'dashboard-13-calendar-preview-360');

  // Confirm with the keyboard: the focus is on the preview's heading, the next Tab the button.
  await preview.getByRole('heading', { name: '2027年预览（尚未录入）' }).focus();
  await page.keyboard.press('Tab');
  expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe('确认录入');
  expect(await page.evaluate<string>(FOCUS_OUTLINE)).toBe('solid');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /2027年节假日安排已录入/ }).waitFor();

  // The banner is gone; the coverage says where 2027 came from; the grid marks its days.
  await page.getByText('2027年节假日安排尚未录入').waitFor({ state: 'detached' });
  await row2027.getByText('国务院通知粘贴').waitFor();
  expect(page.url()).toBe(`${base}/calendar?year=2027`);
  const newYearsDay = page.locator('td[data-date="2027-01-01"]');
  await newYearsDay.waitFor();
  expect(await newYearsDay.getAttribute('class')).toContain('day-holiday');
  expect(await newYearsDay.getAttribute('title')).toBe('1月1日 元旦 放假');
  expect(await page.locator('td[data-date="2027-02-20"]').getAttribute('class')).toContain('day-makeup');
  expect(await page.locator('td[data-date="2027-01-04"]').getAttribute('class')).toContain('day-workday');
  expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(360);
  await screenshot(page, 'dashboard-14-calendar-confirmed-360');
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, 'dashboard-15-calendar-confirmed');

  // The API's answer agrees.
  const after = (await (
    await fetch(`${base}/api/calendar/years`, { headers: { authorization: `Bearer ${login.token}` } })
  ).json()) as { missing: number[] };
  expect(after.missing).not.toContain(2027);

  // The refused preview is the only failed load (Chromium logs a 400 as a console error).
  expect(problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p))).toEqual([]);
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
  expect(await config.json()).toEqual({ temporalUiUrl: TEMPORAL_UI, namespace: 'default', searchAttributes: false });
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
