/**
 * Before the deadline, in a real browser (Debian's Chromium, playwright-core) against the real
 * API (Temporal dev server, worker, in-memory PGlite, the built bundle): in the middle of a quarter
 * (the API's clock: Wednesday 2026-11-18, 10:00 Shanghai) the supervisor's desk lists the units
 * not yet met with their days left and last reminder, filtered by level in the URL; due this week;
 * the directory's search; at 360 px the rows are cards; a community convener sees the status of
 * the compounds under them. Screenshots: test-artifacts/screenshots/due-*.png.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../infra/auth';
import { ensureWebBundle, webBundleState } from '../infra/web-bundle';
import { type ApiHarness, startApi, startTemporal } from './support/api-harness';
import { agentFor } from './support/auth';
import { launchChromium, screenshot } from './support/browser';
import { meetingCadenceWorkflowId } from '../domain/workflow-ids';

jest.setTimeout(300_000);

const SUPERVISOR = { username: 'office', password: 'liaison-office-password-1' };
const CONVENER = { username: 'li.shuji', password: 'bihai-convener-password-1' };
const NOW = new Date('2026-11-18T10:00:00+08:00');

let browser: Browser | undefined;
let env: TestWorkflowEnvironment | undefined;
let h: ApiHarness | undefined;
let server: Server | undefined;
let base = '';
const ids: Record<string, string> = {};

beforeAll(async () => {
  await ensureWebBundle((line) => process.stdout.write(`${line}\n`));
  if (webBundleState() === 'missing') throw new Error('The web bundle is missing (npm run build:web)');
  browser = await launchChromium();
  env = await startTemporal();
  h = await startApi(env, 'pglite', () => NOW);
  server = await new Promise<Server>((resolve) => {
    const s = h!.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const admin = await agentFor(h.app, h.db.prisma, 'admin', undefined, {
    nowMs: NOW.getTime(),
    ttlSeconds: 3600,
  });
  const spec: [string, string, string, string, string?][] = [
    ['donggang', '东港市', 'city', '市委书记'],
    ['xinxing', '新兴街道', 'street', '王书记', 'donggang'],
    ['bihai', '碧海社区', 'community', '李书记', 'xinxing'],
    ['gangbei', '港北社区', 'community', '陈书记', 'xinxing'],
    ['yuhai', '渔海社区', 'community', '张书记', 'xinxing'],
    ['haiou', '海鸥花园', 'compound', '赵书记', 'bihai'],
    ['haiyun', '海韵小区', 'compound', '钱书记', 'bihai'],
  ];
  for (const [code, name, level, convenerName, parentCode] of spec) {
    const res = await admin
      .post('/api/units')
      .send({ code, name, level, parentCode, convenerName, convenerEmail: `${code}@example.org` })
      .expect(201);
    ids[code] = res.body.id as string;
  }
  for (const code of ['gangbei', 'haiou'])
    await admin
      .post(`/api/units/${code}/meetings`)
      .send({ heldOn: '2026-11-10', attendees: ['书记'], minutes: '例会' })
      .expect(201);
  await h.db.prisma.notification.create({
    data: {
      key: `${randomUUID()}`,
      unitId: ids.yuhai!,
      obligation: meetingCadenceWorkflowId(ids.yuhai!),
      periodKey: '2026-Q4',
      step: 'reminder-30',
      recipient: 'yuhai@example.org',
      subject: '提醒',
      messageId: `<${randomUUID()}@test>`,
      status: 'sent',
      scheduledFor: new Date('2026-11-13T01:00:00Z'),
      sentAt: new Date('2026-11-13T01:00:05Z'),
    },
  });
  await h.db.prisma.user.create({
    data: {
      username: SUPERVISOR.username,
      displayName: '联络办 陈主任',
      role: 'supervisor',
      passwordHash: await hashPassword(SUPERVISOR.password),
    },
  });
  await h.db.prisma.user.create({
    data: {
      username: CONVENER.username,
      displayName: '李书记',
      role: 'convener',
      unitId: ids.bihai,
      passwordHash: await hashPassword(CONVENER.password),
    },
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await h?.close();
  await env?.teardown();
});

async function logIn(page: Page, who: { username: string; password: string }): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel(/用户名|Username/).fill(who.username);
  await page.getByLabel(/密码|Password/).fill(who.password);
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click();
}

const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input, select, textarea')]
  .filter((el) => !el.labels?.length && !el.getAttribute('aria-label'))
  .map((el) => el.outerHTML.slice(0, 120))`;

test('the desk in the middle of a quarter: not yet met, due this week, the directory, a convener’s compounds', async () => {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));

  await logIn(page, SUPERVISOR);
  const section = page.locator('#not-yet-met');
  await section.getByRole('heading', { name: /本期未达标/ }).waitFor();
  // Communities due Thursday 2026-12-31: 31 working days, 43 calendar days from the 18th.
  const yuhai = section.locator('tr', { has: page.getByRole('link', { name: '渔海社区' }) });
  await yuhai.waitFor();
  await expect(yuhai.textContent()).resolves.toContain('31 个工作日（43 天）');
  await expect(yuhai.textContent()).resolves.toContain('到期前 30 个工作日提醒');
  await section.getByRole('link', { name: '碧海社区' }).waitFor();
  await section.getByRole('link', { name: '海韵小区' }).waitFor(); // compounds: due 2026-11-30
  expect(await section.getByRole('link', { name: '港北社区' }).count()).toBe(0);
  expect(await section.getByRole('link', { name: '海鸥花园' }).count()).toBe(0);
  await page.locator('#due-this-week .empty, #due-this-week table').first().waitFor();
  await screenshot(page, 'due-01-desk');

  // The level filter is in the URL and applies to the section.
  await page.locator('#filter-level').selectOption('community');
  await page.waitForURL(/level=community/);
  await section.locator('.count', { hasText: /^2$/ }).waitFor();
  expect(await section.getByRole('link', { name: '海韵小区' }).count()).toBe(0);
  await expect(section.getByRole('button', { name: /导出本期未达标/ }).isVisible()).resolves.toBe(true);
  expect(await page.evaluate<string[]>(UNLABELLED_CONTROLS)).toEqual([]);
  await section.screenshot({ path: 'test-artifacts/screenshots/due-02-section.png' });

  // The directory: search by convener.
  await page.getByRole('link', { name: '单位名录' }).click();
  const search = page.getByRole('searchbox', { name: '按名称、代码或召集人检索' });
  await search.fill('张书记');
  await search.press('Enter');
  await page.waitForURL(/q=/);
  // The unfiltered list stays on screen (marked busy) until the search's answer replaces it.
  await page.locator('section.list[aria-busy="false"]').getByText('共 1 个单位').waitFor();
  await page.getByRole('link', { name: '渔海社区' }).waitFor();
  expect(await page.locator('main table tbody tr').count()).toBe(1);
  await screenshot(page, 'due-03-directory');

  // A phone (the desk's level filter set again): rows become cards, nothing wider than the screen.
  await page.setViewportSize({ width: 360, height: 800 });
  // (In the app, not by reloading: the token's expiry is on the API's simulated clock.)
  await page.getByRole('link', { name: '工作台' }).click();
  await page.locator('#filter-level').selectOption('community');
  await section.getByRole('link', { name: '渔海社区' }).waitFor();
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
  await screenshot(page, 'due-04-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // The convener of 碧海社区: the compounds under them, one met, one not.
  await page.getByRole('button', { name: /退出登录/ }).click();
  await logIn(page, CONVENER);
  const children = page.locator('#children-status');
  await children.getByRole('link', { name: '海鸥花园' }).waitFor();
  const haiyun = children.locator('tr', { has: page.getByRole('link', { name: '海韵小区' }) });
  await expect(haiyun.textContent()).resolves.toContain('未达标');
  await expect(haiyun.textContent()).resolves.toContain('8 个工作日（12 天）');
  await screenshot(page, 'due-05-convener');
  expect(problems).toEqual([]);
  await context.close();
});
