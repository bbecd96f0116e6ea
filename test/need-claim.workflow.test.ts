/**
 * The claim workflow (`need-claim:<claimId>`) on the time-skipping test server: claims of a need
 * the community does not confirm remind the member, then the community's convener, on working
 * days written out by hand from the 2026 holiday notice (Mid-Autumn 09-25..09-27; National Day
 * 10-01..10-07). Real API on simulated time, real worker and activities, PGlite, real SMTP sink.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_SERVING_RULE } from '../domain/serving';
import { needClaimWorkflowId } from '../domain/workflow-ids';
import { signToken } from '../infra/auth';
import { TEST_AUTH } from './support/auth';
import { shanghai } from './support/dates';
import { expectOneMailEach, simulatedApi, useTimeSkipping } from './support/simulated';

const CLAIMS =
  'claims not confirmed remind the member, then the convener; done, cancelled or a cancelled need end the workflow';
const RULE = 'the rule is data: 1 working day to the member, 1 more to the community';

const t = useTimeSkipping({
  startAt: {
    [CLAIMS]: '2026-09-21T01:00:00Z', // Monday 09:00 Shanghai
    [RULE]: '2026-09-21T01:00:00Z',
  },
});

async function simulated() {
  const api = await simulatedApi(t);
  const tag = randomUUID().slice(0, 6);
  const community = await api.admin
    .post('/api/units')
    .send({
      code: `bihai-${tag}`,
      name: '碧海社区',
      level: 'community',
      convenerName: '李书记',
      convenerEmail: `li-${tag}@example.org`,
    })
    .expect(201);
  const communityId = community.body.id as string;
  const employer = await t.db.prisma.servingEmployer.create({
    data: {
      code: `emp-${tag}`,
      name: '东港市税务局',
      partyOrgName: '东港市税务局机关党支部',
      contactName: '周主任',
      contactEmail: `zhou-${tag}@example.org`,
      registeredOn: new Date('2026-01-05T00:00:00Z'),
    },
  });
  let phone = 13_900_000_000 + Math.floor(Math.random() * 9_000_000);
  const member = async (name: string, email: string | null, locale = 'zh-CN') => {
    const m = await t.db.prisma.servingMember.create({
      data: {
        name,
        communityId,
        employerId: employer.id,
        phone: String(phone++),
        email,
        locale,
        registeredOn: new Date('2026-01-05T00:00:00Z'),
      },
    });
    const user = await t.db.prisma.user.create({
      data: {
        username: `m-${m.id.slice(0, 8)}`,
        displayName: name,
        role: 'member',
        unitId: communityId,
        servingMemberId: m.id,
      },
    });
    const { token } = signToken(user.id, TEST_AUTH.tokenSecret, api.ttl.ttlSeconds, api.ttl.nowMs);
    return { ...m, agent: request.agent(api.app).set({ Authorization: `Bearer ${token}` }) };
  };
  return {
    ...api,
    tag,
    communityId,
    convenerEmail: `li-${tag}@example.org`,
    convener: await api.agent('convener', communityId),
    member,
  };
}

test(
  CLAIMS,
  async () => {
    const s = await simulated();
    const [a, b, c, d, e, f] = await Promise.all([
      s.member('张一', `a-${s.tag}@example.org`),
      s.member('王二', null), // no email: the member's notice is skipped, the community's still goes
      s.member('李三', `c-${s.tag}@example.org`),
      s.member('赵四', `d-${s.tag}@example.org`),
      s.member('钱五', `e-${s.tag}@example.org`, 'en'),
      s.member('孙六', `f-${s.tag}@example.org`),
    ]);
    expect([DEFAULT_SERVING_RULE.claimConfirmWithinDays, DEFAULT_SERVING_RULE.claimCommunityAfterDays]).toEqual([3, 2]);
    // The need's day Thursday 09-24. 3 working days after it (Mid-Autumn 09-25..09-27 off): 09-28,
    // 09-29, 09-30 → the member on Wednesday 09-30; 2 working days after that (National Day
    // 10-01..10-07 off): 10-08, 10-09 → the convener on Friday 10-09.
    const memberDay = '2026-09-30';
    const communityDay = '2026-10-09';
    await s.run(async () => {
      const need = await s.convener
        .post('/api/serving/needs')
        .send({
          communityId: s.communityId,
          title: '中秋慰问独居老人',
          category: 'elderly_care',
          neededOn: '2026-09-24',
          slots: 5,
        })
        .expect(201);
      expect(need.body.claimBy).toBe('2026-09-23');
      const other = await s.convener
        .post('/api/serving/needs')
        .send({
          communityId: s.communityId,
          title: '国庆平安巡逻',
          category: 'safety',
          neededOn: '2026-09-24',
          slots: 1,
        })
        .expect(201);
      const claims: Record<string, string> = {};
      for (const [key, m] of Object.entries({ a, c, d, e })) {
        const res = await m.agent.post(`/api/serving/needs/${need.body.id}/claims`).send({}).expect(201);
        expect(res.body.obligationNotified).toBe(true);
        claims[key] = res.body.id;
      }
      // The convener claims for the member without email.
      claims.b = (
        await s.convener.post(`/api/serving/needs/${need.body.id}/claims`).send({ memberId: b.id }).expect(201)
      ).body.id;
      claims.f = (await f.agent.post(`/api/serving/needs/${other.body.id}/claims`).send({}).expect(201)).body.id;

      // D cancels; the other need is cancelled by the community (F's claim with it).
      await d.agent.post(`/api/serving/claims/${claims.d}/cancel`).expect(200);
      const cancelled = await s.convener
        .post(`/api/serving/needs/${other.body.id}/cancel`)
        .send({ reason: '改期' })
        .expect(200);
      expect(cancelled.body.need.state).toBe('cancelled');
      expect(cancelled.body.need.claims[0].status).toBe('cancelled');

      // The day after: C's service is confirmed.
      await s.until(shanghai('2026-09-25', '10:00'));
      await s.convener
        .post(`/api/serving/claims/${claims.c}/done`)
        .send({ servedOn: '2026-09-24', minutes: 120, what: '看望 2 户独居老人', confirmedBy: '李书记' })
        .expect(201);

      // E is confirmed after the member's reminder went, before the convener's.
      await s.until(shanghai('2026-10-02', '10:00'));
      await s.convener
        .post('/api/serving/services')
        .send({
          memberId: e.id,
          claimId: claims.e,
          servedOn: '2026-09-24',
          minutes: 90,
          what: '送月饼',
          confirmedBy: '李书记',
        })
        .expect(201);

      await s.until(shanghai(communityDay, '12:00'));
      const wf = (k: string) => needClaimWorkflowId(claims[k]!);
      const rows = await t.db.prisma.notification.findMany({
        where: { obligation: { in: Object.keys(claims).map(wf) } },
      });
      const name = Object.fromEntries(Object.keys(claims).map((k) => [wf(k), k]));
      const got = rows.map((r) => `${name[r.obligation]} ${r.periodKey} ${r.step} ${r.audience} ${r.recipient}`).sort();
      expect(got).toEqual(
        [
          `a 2026-09-24 claim-unconfirmed member a-${s.tag}@example.org`,
          `e 2026-09-24 claim-unconfirmed member e-${s.tag}@example.org`,
          `a 2026-09-24 claim-unconfirmed-community convener ${s.convenerEmail}`,
          `b 2026-09-24 claim-unconfirmed-community convener ${s.convenerEmail}`,
        ].sort(),
      );
      for (const r of rows) {
        expect(r.unitId).toBe(s.communityId);
        expect(r.scheduledFor.getTime()).toBe(shanghai(r.step === 'claim-unconfirmed' ? memberDay : communityDay));
        expect(r.status).toBe('sent');
      }
      expectOneMailEach(t.mail, rows);
      const mail = (k: string, step: string) =>
        t.mail.sink
          .messages()
          .find((m) => m.messageId === rows.find((r) => r.obligation === wf(k) && r.step === step)!.messageId)!;
      expect(mail('a', 'claim-unconfirmed').subject).toBe(
        '【提醒】您认领的碧海社区“中秋慰问独居老人”（2026-09-24）尚未确认完成',
      );
      expect(mail('a', 'claim-unconfirmed').text).toContain(`/serving/card/${a.id}`);
      // A member whose locale is English reads English first.
      expect(mail('e', 'claim-unconfirmed').subject).toBe(
        '[Reminder] Your claim of “中秋慰问独居老人” at 碧海社区 (2026-09-24) is not confirmed yet',
      );
      expect(mail('b', 'claim-unconfirmed-community').subject).toBe(
        '【待确认】王二认领的碧海社区“中秋慰问独居老人”（2026-09-24）尚未确认',
      );
      expect(mail('b', 'claim-unconfirmed-community').text).toContain(`/serving/${s.communityId}?need=${need.body.id}`);

      const result = (k: string) => t.env.client.workflow.getHandle(wf(k)).result();
      expect(await result('a')).toBe('escalated');
      expect(await result('b')).toBe('escalated');
      expect(await result('c')).toBe('done');
      expect(await result('d')).toBe('cancelled');
      expect(await result('e')).toBe('done');
      expect(await result('f')).toBe('cancelled');

      // The cards: C and E have their services, A still has the claim open.
      const cardC = await c.agent.get(`/api/serving/members/${c.id}/card`).expect(200);
      expect(cardC.body.totals).toEqual({ services: 1, minutes: 120, hours: '2.0' });
      const cardA = await s.convener.get(`/api/serving/members/${a.id}/card`).expect(200);
      expect(cardA.body.openClaims.map((x: { claimId: string }) => x.claimId)).toEqual([claims.a]);
    });
  },
  180_000,
);

test(
  RULE,
  async () => {
    const s = await simulated();
    await t.db.prisma.servingRule.upsert({
      where: { id: 'default' },
      create: { id: 'default', claimConfirmWithinDays: 1, claimCommunityAfterDays: 1 },
      update: { claimConfirmWithinDays: 1, claimCommunityAfterDays: 1 },
    });
    try {
      const a = await s.member('张一', `a-${s.tag}@example.org`);
      await s.run(async () => {
        const need = await s.convener
          .post('/api/serving/needs')
          .send({
            communityId: s.communityId,
            title: '清理楼道',
            category: 'environment',
            neededOn: '2026-09-22',
            slots: 1,
          })
          .expect(201);
        const claim = await a.agent.post(`/api/serving/needs/${need.body.id}/claims`).send({}).expect(201);
        // 1 working day after Tuesday 09-22: Wednesday 09-23; 1 after that: Thursday 09-24.
        await s.until(shanghai('2026-09-24', '12:00'));
        const rows = await t.db.prisma.notification.findMany({
          where: { obligation: needClaimWorkflowId(claim.body.id) },
          orderBy: { scheduledFor: 'asc' },
        });
        expect(rows.map((r) => [r.step, r.scheduledFor.getTime()])).toEqual([
          ['claim-unconfirmed', shanghai('2026-09-23')],
          ['claim-unconfirmed-community', shanghai('2026-09-24')],
        ]);
      });
    } finally {
      await t.db.prisma.servingRule.deleteMany({});
    }
  },
  120_000,
);
