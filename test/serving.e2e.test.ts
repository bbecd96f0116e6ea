/**
 * The third entry's pages in a real browser (Debian's Chromium, playwright-core) against the real
 * API and worker on the time-skipping test server (the API's clock is the server's: Monday
 * 2026-09-28, 10:00 Shanghai, the last days of 2026-Q3), in-memory PGlite and the built bundle:
 *
 * 1. the community's serving page as its convener (the figures, the registered members with
 *    masked phones, the needs list),
 * 2. a member's service card as the member (landing on / takes them there),
 * 3. the desk's serving panel as the liaison office, a community's link leading to its page,
 * 4. after the quarter's end (simulated time runs past National Day), the receipt page opened
 *    WITHOUT a login from the link in the feedback mail captured by the SMTP sink, and confirmed.
 *
 * The records (employers, members, needs, claims, services) are seeded straight into the tables:
 * the pages are under test here, the acts have their own API tests.
 * Screenshots: test-artifacts/screenshots/serving-0{1,2,3,4}-*.png.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { hashPassword } from '../infra/auth';
import { createLogger } from '../infra/log';
import { ensureWebBundle, webBundleState } from '../infra/web-bundle';
import { WORKFLOW_KINDS } from '../obligations/reconcile';
import { openTestDatabase } from './support/api-harness';
import { launchChromium, screenshot } from './support/browser';
import { startMail } from './support/fixtures';
import { createTimeSkipping, type SimulatedApi, simulatedApi, type TimeSkipping } from './support/simulated';

jest.setTimeout(600_000);

const START = new Date('2026-09-28T10:00:00+08:00');
const PASSWORD = 'serving-e2e-password-1';
const CONVENER = 'bihai.shuji';
const SUPERVISOR = 'office';
const MEMBER = 'wang.ming';
const day = (d: string) => new Date(`${d}T00:00:00Z`);

let browser: Browser | undefined;
let s: TimeSkipping | undefined;
let dispose: (() => Promise<void>) | undefined;
let api: SimulatedApi;
let server: Server | undefined;
let base = '';
let stopWorker: () => void = () => undefined;
let workerRunning: Promise<void> | undefined;
const ids: Record<string, string> = {};
const problems: string[] = [];

async function seed(a: SimulatedApi, prisma: TimeSkipping['db']['prisma']): Promise<void> {
  const spec: [string, string, string, string?][] = [
    ['donggang', '东港市', 'city'],
    ['xinxing', '新兴街道', 'street', 'donggang'],
    ['bihai', '碧海社区', 'community', 'xinxing'],
    ['gangbei', '港北社区', 'community', 'xinxing'],
  ];
  for (const [code, name, level, parentCode] of spec) {
    const res = await a.admin
      .post('/api/units')
      .send({ code, name, level, parentCode, convenerName: `${name}书记`, convenerEmail: `${code}@example.org` })
      .expect(201);
    ids[code] = res.body.id as string;
  }
  const employer = async (key: string, code: string, name: string, communityId: string, email: string) => {
    ids[key] = (
      await prisma.servingEmployer.create({
        data: {
          code,
          name,
          partyOrgName: `${name}机关党支部`,
          contactName: `${name}联系人`,
          contactEmail: email,
          communityId,
          registeredOn: day('2026-03-01'),
        },
      })
    ).id;
  };
  await employer('E1', 'emp-tax', '东港市税务局', ids.bihai!, 'tax@example.org');
  await employer('E2', 'emp-hospital', '东港市人民医院', ids.gangbei!, 'hospital@example.org');
  const member = async (key: string, name: string, communityId: string, emp: string, phone: string) => {
    ids[key] = (
      await prisma.servingMember.create({
        data: {
          name,
          communityId,
          employerId: ids[emp]!,
          phone,
          email: `${key.toLowerCase()}@example.org`,
          idNumberLast4: '0012',
          skills: ['法律咨询'],
          posts: ['policy_promotion'],
          registeredOn: day('2026-03-15'),
        },
      })
    ).id;
  };
  await member('M1', '王明', ids.bihai!, 'E1', '13800000001');
  await member('M2', '李华', ids.bihai!, 'E2', '13800000002');
  await member('M3', '赵强', ids.gangbei!, 'E1', '13800000003');
  const need = async (key: string, title: string, neededOn: string, claimBy: string) => {
    ids[key] = (
      await prisma.serviceNeed.create({
        data: {
          communityId: ids.bihai!,
          title,
          category: 'elderly_care',
          neededOn: day(neededOn),
          claimBy: day(claimBy),
          slots: 2,
          publishedBy: `convener:${CONVENER}`,
        },
      })
    ).id;
  };
  await need('N1', '陪同老人就医', '2026-08-15', '2026-08-14');
  await need('N2', '小区环境整治', '2026-10-17', '2026-10-16');
  const claim = async (key: string, needKey: string, memberKey: string, status: string) => {
    ids[key] = (
      await prisma.needClaim.create({
        data: {
          needId: ids[needKey]!,
          memberId: ids[memberKey]!,
          status,
          claimedAt: new Date('2026-08-01T02:00:00Z'),
          ...(status === 'done' ? { doneAt: new Date('2026-08-15T10:00:00Z') } : {}),
        },
      })
    ).id;
  };
  await claim('C1', 'N1', 'M1', 'done');
  await claim('C2', 'N1', 'M2', 'claimed');
  const service = async (memberKey: string, communityId: string, servedOn: string, minutes: number, what: string) =>
    prisma.serviceRecord.create({
      data: {
        memberId: ids[memberKey]!,
        communityId,
        claimId: what === '陪同老人就医' ? ids.C1 : undefined,
        servedOn: day(servedOn),
        minutes,
        what,
        confirmedBy: '碧海社区书记',
        recordedBy: `convener:${CONVENER}`,
      },
    });
  await service('M1', ids.bihai!, '2026-08-15', 120, '陪同老人就医');
  await service('M1', ids.bihai!, '2026-07-20', 60, '政策宣传');
  await service('M3', ids.gangbei!, '2026-09-05', 90, '平安巡逻');

  const user = async (
    username: string,
    displayName: string,
    data: { role: 'convener' | 'supervisor' | 'member'; unitId?: string; servingMemberId?: string },
  ) => prisma.user.create({ data: { username, displayName, passwordHash: await hashPassword(PASSWORD), ...data } });
  await user(CONVENER, '碧海社区书记', { role: 'convener', unitId: ids.bihai });
  await user(SUPERVISOR, '联络办 陈主任', { role: 'supervisor' });
  await user(MEMBER, '王明', { role: 'member', servingMemberId: ids.M1 });
}

beforeAll(async () => {
  await ensureWebBundle((line) => process.stdout.write(`${line}\n`));
  if (webBundleState() === 'missing') throw new Error('The web bundle is missing (npm run build:web)');
  browser = await launchChromium();
  const env: TestWorkflowEnvironment = await createTimeSkipping(START);
  const { db, dispose: closeDb } = await openTestDatabase('pglite');
  const mail = await startMail();
  s = { env, db, mail };
  dispose = async () => {
    await mail.close();
    await closeDb();
    await env.teardown();
  };
  api = await simulatedApi(s);
  server = await new Promise<Server>((resolve) => {
    const srv = api.app.listen(0, '127.0.0.1', () => resolve(srv));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await seed(api, db.prisma);
  // The worker polls for the whole file (the pages query the units' workflows; a worker runs once).
  workerRunning = api.run(() => new Promise<void>((resolve) => (stopWorker = resolve)));
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  stopWorker();
  await workerRunning;
  await dispose?.();
});

afterEach(() => {
  expect(problems.splice(0)).toEqual([]);
});

/** Run a page's steps; on failure keep a screenshot of where it stopped (serving-failed-<name>.png).
 */
async function onPage(name: string, page: Page, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
  } catch (err) {
    await screenshot(page, `serving-failed-${name}`).catch(() => undefined);
    throw err;
  }
}

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(err.message));
  return { context, page };
}

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(PASSWORD);
  await page.getByRole('button', { name: /^(登录|Log in)$/ }).click();
}

/** The KPI values of a figures list, label → value. */
async function kpis(page: Page, testId: string): Promise<Record<string, string>> {
  const list = page.getByTestId(testId);
  await list.waitFor();
  const items = await list.locator('li').all();
  const out: Record<string, string> = {};
  for (const li of items) {
    out[(await li.locator('.kpi-label').innerText()).trim()] = (await li.locator('.kpi-value').innerText()).trim();
  }
  return out;
}

test('1. the community’s serving page as its convener: figures, registered members (masked), needs', async () => {
  const { context, page } = await newPage();
  await onPage('community', page, async () => {
    await logIn(page, CONVENER);
    // In the app, not by page.goto: the token's expiry is on the API's simulated clock, and the
    // dashboard drops a stored session whose expiry is past in the browser's (real) time.
    await page.waitForURL(new RegExp(`/units/${ids.bihai}$`));
    await page.getByRole('link', { name: '在职党员进社区' }).click();
    await page.waitForURL(new RegExp(`/serving/${ids.bihai}$`));
    await page.getByRole('heading', { name: /碧海社区 · 在职党员进社区/ }).waitFor();

    // H5: the community's own figures of 2026 (as of 2026-09-28, rule: at least 4 a year) — by hand:
    // E1; 王明 and 李华; needs 陪同老人就医 (claimed, done) and 小区环境整治 (open); 王明's 2 services
    // of 120 + 60 min = 3.0 h; both below 4.
    expect(await kpis(page, 'serving-community-figures')).toEqual({
      报到单位: '1',
      报到党员: '2',
      '需求（发布 / 认领 / 完成）': '2 / 1 / 1',
      服务次数: '2',
      '服务时长（小时）': '3.0',
      未达最低次数: '2',
    });
    await page.getByText('报到人数截至 2026-09-28；未达最低次数按 2026年（至少 4 次）计。').waitFor();
    await page.getByRole('button', { name: /导出本社区统计/ }).waitFor();
    await page
      .locator('section', { has: page.getByTestId('serving-community-figures') })
      .screenshot({ path: 'test-artifacts/screenshots/serving-01-community-figures.png' });

    // H1 (registration) and H2 (needs) sections: the members with masked phones, the needs list.
    const main = page.locator('main');
    await main.getByText('王明').first().waitFor();
    await main.getByText('*******0001').first().waitFor();
    expect(await main.getByText('13800000001').count()).toBe(0);
    await main.getByText('陪同老人就医').first().waitFor();
    await main.getByText('小区环境整治').first().waitFor();
    await screenshot(page, 'serving-01-community');
  });
  await context.close();
});

test('2. a member’s service card as the member: landing on / opens it', async () => {
  const { context, page } = await newPage();
  await onPage('card', page, async () => {
    await logIn(page, MEMBER);
    await page.waitForURL(new RegExp(`/serving/card/${ids.M1}$`));
    const main = page.locator('main');
    // H2 (card.tsx, GET /api/serving/members/{id}/card): the records and the hours.
    await main.getByText('王明').first().waitFor();
    await main.getByText('陪同老人就医').first().waitFor();
    await main.getByText('政策宣传').first().waitFor();
    await main.getByText(/3\.0/).first().waitFor();
    // Only their own card: another member's is not shown.
    expect(await main.getByText('李华').count()).toBe(0);
    await screenshot(page, 'serving-02-card');
  });
  await context.close();
});

test('4. the desk’s serving panel: the city’s figures, each community linked to its serving page', async () => {
  const { context, page } = await newPage();
  await onPage('desk', page, async () => {
    await logIn(page, SUPERVISOR);
    const panel = page.getByTestId('serving-desk-panel');
    await panel.getByRole('heading', { name: '在职党员进社区（双报到）· 2026年' }).waitFor();
    // The city: E1 and E2; 王明, 李华, 赵强; 碧海's needs; 3 services of 120 + 60 + 90 min = 4.5 h; all 3 below 4.
    expect(await kpis(page, 'serving-city-figures')).toEqual({
      报到单位: '2',
      报到党员: '3',
      '需求（发布 / 认领 / 完成）': '2 / 1 / 1',
      服务次数: '3',
      '服务时长（小时）': '4.5',
      未达最低次数: '3',
    });
    const rowText = async (name: string) =>
      (await panel.locator('tr', { has: page.getByRole('link', { name }) }).innerText()).replace(/\s+/g, ' ');
    expect(await rowText('碧海社区')).toContain('新兴街道 1 2 2 1 1 2 3.0 2');
    expect(await rowText('港北社区')).toContain('新兴街道 1 1 0 0 0 1 1.5 1');
    await panel.getByRole('button', { name: /导出在职党员统计/ }).waitFor();
    await screenshot(page, 'serving-04-desk');
    await panel.screenshot({ path: 'test-artifacts/screenshots/serving-04-desk-panel.png' });

    // A community's link leads to its serving page.
    await panel.getByRole('link', { name: /港北社区/ }).click();
    await page.waitForURL(new RegExp(`/serving/${ids.gangbei}$`));
    expect(await kpis(page, 'serving-community-figures')).toMatchObject({ 报到党员: '1', '服务时长（小时）': '1.5' });
  });
  await context.close();
});

test('3. after the quarter: the receipt page opened without a login from the feedback mail, confirmed once', async () => {
  const kinds = WORKFLOW_KINDS.filter((k) => /feedback|反馈/i.test(k.name));
  // H4 adds the feedback obligations to the reconciliation (obligations/reconcile.ts).
  expect(kinds.length).toBeGreaterThan(0);
  const gw = {
    temporal: s!.env.client,
    taskQueue: api.taskQueue,
    prisma: s!.db.prisma,
    log: createLogger('warn', 'e2e'),
  };
  for (const k of kinds) await k.reconcile(gw);
  // The first working day after 2026-09-30 is after National Day; its 09:00 has passed by the 9th, noon.
  await api.until(new Date('2026-10-09T12:00:00+08:00').getTime());
  const mail = await s!.mail.sink.waitFor(
    (m) => m.to.includes('tax@example.org') && /碧海社区/.test(m.subject + m.text),
    60_000,
  );
  const link = /\/receipts\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[0];
  expect(link).toBeDefined();
  expect(mail.attachments.some((a) => a.contentType.includes('spreadsheetml'))).toBe(true);

  // A fresh browser with no login.
  const { context, page } = await newPage();
  await onPage('receipt', page, async () => {
    await page.goto(`${base}${link}`);
    const main = page.locator('main');
    await main.getByText('碧海社区').first().waitFor();
    await main.getByText('东港市税务局').first().waitFor();
    await main.getByText('陪同老人就医').first().waitFor();
    await main.getByText('政策宣传').first().waitFor();
    // Only this employer's members: 李华 works for the hospital.
    expect(await main.getByText('李华').count()).toBe(0);
    expect(await main.getByText('13800000001').count()).toBe(0);
    await screenshot(page, 'serving-03-receipt');

    await main.getByLabel(/确认人|Confirmed by/).fill('税务局党支部 张书记');
    await main
      .getByRole('button', { name: /确认|Confirm/ })
      .first()
      .click();
    await main
      .getByText(/已确认|Confirmed/)
      .first()
      .waitFor();
    await page.screenshot({ path: 'test-artifacts/screenshots/serving-03-receipt-confirmed.png', fullPage: true });
    const row = await s!.db.prisma.serviceFeedback.findFirst({
      where: { communityId: ids.bihai, employerId: ids.E1, periodKey: '2026-Q3' },
    });
    expect(row?.confirmedBy).toBe('税务局党支部 张书记');
    // Single use: the same link again says so.
    await page.goto(`${base}${link}`);
    await main
      .getByText(/已确认|已失效|confirmed|expired/i)
      .first()
      .waitFor();
  });
  await context.close();
});
