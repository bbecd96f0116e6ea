/**
 * A quarter of the third entry (在职党员普遍进, 双报到) on the time-skipping test server: 2026-Q3 from
 * Wednesday 07-01 09:00 Shanghai to 10-20, three communities of one street, 40 members from six
 * employers (some employers' members spread over the communities), needs published, claimed and
 * done or not, services recorded, one member removed; the rule as data (PUT /api/serving/rule).
 * Then: EXACTLY the notices the rules promise — every ledger row of the three new workflows equals
 * the explicit model's (test/support/serving-model.ts: obligation, periodKey, step, recipient and
 * the Shanghai day it fell due) — receipts confirmed through the public API with the token from
 * the captured mail, the others reminded and then escalated to the office, and the year's figures
 * (GET /api/serving/figures) equal to literal counts.
 *
 * Real API on simulated time, real worker and activities, PGlite in memory, SMTP into the sink.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { servingFeedbackWorkflowId } from '../domain/workflow-ids';
import { shanghai, shanghaiDay } from './support/dates';
import {
  expectedServingLedger,
  type LedgerRow,
  type ModelClaim,
  type ModelMember,
  type ModelReceipt,
  type ModelRule,
  type ModelService,
  rowKey,
} from './support/serving-model';
import type { Agent } from './support/auth';
import { expectOneMailEach, type SimulatedApi, simulatedApi, useTimeSkipping } from './support/simulated';

const t = useTimeSkipping({ startAt: '2026-07-01T01:00:00Z' }); // Wednesday 07-01 09:00 Shanghai

/** The rule as data: half-year participation, 2 services; reminders 75, 55 and 5 working days before 12-31. */
const RULE: ModelRule & { receiptValidDays: number } = {
  participationPeriod: 'half',
  minServices: 2,
  participationReminderLadder: [75, 55, 5],
  claimConfirmWithinDays: 3,
  claimCommunityAfterDays: 2,
  receiptWithinDays: 5,
  receiptOfficeAfterDays: 3,
  receiptValidDays: 30,
};

type CommunityKey = 'a' | 'b' | 'c';
type EmployerKey = 'tax' | 'power' | 'school' | 'hospital' | 'port' | 'court';

const COMMUNITIES: Record<CommunityKey, string> = { a: '碧海社区', b: '桥东社区', c: '港北社区' };

/** Six employers; the hospital sits outside the city's communities. */
const EMPLOYERS: Record<EmployerKey, { name: string; partyOrgName: string; sits: CommunityKey | null }> = {
  tax: { name: '东港市税务局', partyOrgName: '东港市税务局机关党支部', sits: 'a' },
  power: { name: '国网东港供电公司', partyOrgName: '供电公司党委', sits: 'b' },
  school: { name: '东港市第一中学', partyOrgName: '第一中学党总支', sits: 'c' },
  hospital: { name: '东港市人民医院', partyOrgName: '人民医院党委', sits: null },
  port: { name: '东港港务集团', partyOrgName: '港务集团党委', sits: 'a' },
  court: { name: '东港市人民法院', partyOrgName: '人民法院机关党委', sits: 'b' },
};

/** 40 members: home community → employers in order (a01–a04 tax, a05–a07 hospital, …). */
const COMPOSITION: Record<CommunityKey, [EmployerKey, number][]> = {
  a: [
    ['tax', 4],
    ['hospital', 3],
    ['port', 4],
    ['court', 4],
  ],
  b: [
    ['tax', 3],
    ['power', 4],
    ['hospital', 3],
    ['court', 3],
  ],
  c: [
    ['school', 5],
    ['tax', 3],
    ['power', 3],
    ['court', 1],
  ],
};
/** Members registered without an email (no member notice can reach them). */
const NO_EMAIL = new Set(['c01', 'b07']);
/** The court's only member in 港北 moves away in August: no feedback to the court from 港北. */
const REMOVED = { member: 'c12', on: '2026-08-10' };

/** The needs of the quarter: community, day, places, who claims when, who is confirmed done when (15:00). */
const NEEDS = [
  {
    key: 'n1',
    community: 'a',
    neededOn: '2026-07-11',
    slots: 3,
    claimOn: '2026-07-02',
    claimants: ['a01', 'a05', 'a08'],
    doneOn: '2026-07-13',
    done: ['a01', 'a05'],
  },
  {
    key: 'n4',
    community: 'a',
    neededOn: '2026-08-06',
    slots: 4,
    claimOn: '2026-07-20',
    claimants: ['a02', 'a06', 'a09', 'a12'],
    doneOn: '2026-08-07',
    done: ['a02', 'a06', 'a09', 'a12'],
  },
  {
    key: 'n3',
    community: 'c',
    neededOn: '2026-08-20',
    slots: 2,
    claimOn: '2026-08-10',
    claimants: ['c01', 'c06'],
    doneOn: null,
    done: [],
  },
  {
    key: 'n6',
    community: 'c',
    neededOn: '2026-09-08',
    slots: 3,
    claimOn: '2026-09-01',
    claimants: ['c02', 'c07', 'c09'],
    doneOn: '2026-09-09',
    done: ['c02', 'c07', 'c09'],
  },
  {
    key: 'n5',
    community: 'b',
    neededOn: '2026-09-19',
    slots: 1,
    claimOn: '2026-09-01',
    claimants: ['b08'],
    doneOn: '2026-09-22',
    done: ['b08'],
  },
  {
    key: 'n2',
    community: 'b',
    neededOn: '2026-09-24',
    slots: 2,
    claimOn: '2026-09-01',
    claimants: ['b01', 'b04'],
    doneOn: '2026-10-08',
    done: ['b01'],
  },
] as const;
/** c06 takes back the claim on 港北's 08-20 need the day after. */
const CANCELLED = { need: 'n3', member: 'c06', on: '2026-08-21' };

/** Services without a need, recorded at 15:00 (90 minutes each). */
const SERVICES = [
  {
    recordedOn: '2026-07-20',
    servedOn: '2026-07-18',
    members: ['a01', 'a02', 'a03', 'a04', 'a13', 'b01', 'b02', 'b03', 'b05', 'b11', 'c02', 'c03', 'c06', 'c07', 'c10'],
  },
  {
    recordedOn: '2026-09-15',
    servedOn: '2026-09-12',
    members: ['a03', 'a04', 'a13', 'a14', 'b02', 'b05', 'b06', 'c03', 'c04', 'c08', 'c10'],
  },
];

/** The employers' receipts: confirmed the day after the mails, after the reminder, or never. */
const RECEIPTS: { community: CommunityKey; employer: EmployerKey; on: string }[] = [
  { community: 'a', employer: 'tax', on: '2026-10-09' },
  { community: 'a', employer: 'port', on: '2026-10-09' },
  { community: 'b', employer: 'power', on: '2026-10-09' },
  { community: 'c', employer: 'school', on: '2026-10-09' },
  { community: 'b', employer: 'hospital', on: '2026-10-15' },
  { community: 'c', employer: 'tax', on: '2026-10-15' },
];

/** The obligations of the three new workflows (the units' own meeting obligations run too, and are not looked at here). */
const SERVING_OBLIGATIONS = ['need-claim:', 'serving-participation:', 'serving-feedback:'];

/** A valid resident ID number (GB 11643 check character) for the n-th member. */
function idNumber(n: number): string {
  const body = `21068219850101${String(100 + n).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11]!;
}

const at = (day: string, time = '15:00') => shanghai(day, time);
const { receiptValidDays: _receiptValidDays, ...MODEL_RULE } = RULE;
void _receiptValidDays;

type Community = { id: string; code: string; convenerEmail: string };
type Employer = { id: string; code: string; contactEmail: string };

/** What the quarter is played on, and what it records for the model as it goes. */
interface World {
  s: SimulatedApi;
  tag: string;
  supervisors: string[];
  community: Record<CommunityKey, Community>;
  convener: Record<CommunityKey, Agent>;
  employer: Record<EmployerKey, Employer>;
  members: Map<string, ModelMember & { key: string }>;
  needs: Map<string, string>;
  claims: Map<string, ModelClaim>; // by `${need}/${member}`
  services: ModelService[];
  receipts: ModelReceipt[];
  feedbackFrom: number;
}

/** 07-01: the office (two supervisors), the rule, the street and its three communities. */
async function registerOffice(s: SimulatedApi, tag: string) {
  await t.db.prisma.supervisor.updateMany({ data: { active: false } });
  const supervisors = [`office1-${tag}@example.org`, `office2-${tag}@example.org`];
  for (const [i, email] of supervisors.entries())
    await s.admin
      .post('/api/supervisors')
      .send({ name: `联络办${i + 1}`, email })
      .expect(201);
  await s.admin.put('/api/serving/rule').send(RULE).expect(200);
  const city = await s.admin
    .post('/api/units')
    .send({
      code: `city-${tag}`,
      name: '东港市',
      level: 'city',
      convenerName: '市委',
      convenerEmail: `city-${tag}@example.org`,
    })
    .expect(201);
  const street = await s.admin
    .post('/api/units')
    .send({
      parentId: city.body.id,
      code: `xinxing-${tag}`,
      name: '新兴街道',
      level: 'street',
      convenerName: '街道书记',
      convenerEmail: `street-${tag}@example.org`,
    })
    .expect(201);
  const community = {} as Record<CommunityKey, Community>;
  const convener = {} as Record<CommunityKey, Agent>;
  for (const k of ['a', 'b', 'c'] as const) {
    const convenerEmail = `convener-${k}-${tag}@example.org`;
    const res = await s.admin
      .post('/api/units')
      .send({
        code: `${k}-${tag}`,
        name: COMMUNITIES[k],
        level: 'community',
        parentId: street.body.id,
        convenerName: `${COMMUNITIES[k]}书记`,
        convenerEmail,
      })
      .expect(201);
    community[k] = { id: res.body.id, code: res.body.code, convenerEmail };
    convener[k] = await s.agent('convener', res.body.id);
  }
  return { supervisors, community, convener };
}

/** 07-01: six employers (单位报到) and 40 members (个人报到), each member by their community's convener. */
async function registerServing(s: SimulatedApi, tag: string, office: Awaited<ReturnType<typeof registerOffice>>) {
  const { community, convener } = office;
  const employer = {} as Record<EmployerKey, Employer>;
  for (const [k, e] of Object.entries(EMPLOYERS) as [EmployerKey, (typeof EMPLOYERS)[EmployerKey]][]) {
    const code = `${k}-${tag}`;
    const contactEmail = `${k}-contact-${tag}@example.org`;
    const res = await s.admin
      .post('/api/serving/employers')
      .send({
        code,
        name: e.name,
        partyOrgName: e.partyOrgName,
        contactName: `${e.name}联系人`,
        contactEmail,
        ...(e.sits ? { communityId: community[e.sits].id } : {}),
      })
      .expect(201);
    employer[k] = { id: res.body.id, code, contactEmail };
  }
  const members: World['members'] = new Map();
  for (const k of ['a', 'b', 'c'] as const) {
    let i = 0;
    for (const [e, count] of COMPOSITION[k]) {
      for (let j = 0; j < count; j++) {
        const key = `${k}${String(++i).padStart(2, '0')}`;
        const n = members.size + 1;
        const email = NO_EMAIL.has(key) ? null : `${key}-${tag}@example.org`;
        const res = await convener[k]
          .post('/api/serving/members')
          .send({
            name: `党员${key.toUpperCase()}`,
            phone: `1390000${String(n).padStart(4, '0')}`,
            idNumber: idNumber(n),
            ...(email ? { email } : {}),
            communityId: community[k].id,
            employerId: employer[e].id,
            posts: ['neighbourhood_help'],
          })
          .expect(201);
        members.set(key, {
          key,
          id: res.body.id,
          email,
          communityId: community[k].id,
          employerId: employer[e].id,
          registeredAt: s.now(),
        });
      }
    }
  }
  // Registering a member started the quarterly feedback of their community.
  for (const k of ['a', 'b', 'c'] as const) {
    const run = await t.env.client.workflow.getHandle(servingFeedbackWorkflowId(community[k].id)).describe();
    expect([k, run.status.name]).toEqual([k, 'RUNNING']);
  }
  const needs = new Map<string, string>();
  for (const need of NEEDS) {
    const res = await convener[need.community]
      .post('/api/serving/needs')
      .send({
        communityId: community[need.community].id,
        title: `服务需求${need.key}`,
        category: 'elderly_care',
        neededOn: need.neededOn,
        slots: need.slots,
      })
      .expect(201);
    needs.set(need.key, res.body.id);
  }
  return { employer, members, needs, feedbackFrom: s.now() };
}

type Act = { at: number; run: () => Promise<void> };
const memberOf = (w: World, key: string) => w.members.get(key)!;

/** The needs' claims and confirmations, the cancelled claim. */
function needActs(w: World): Act[] {
  const acts: Act[] = [];
  for (const need of NEEDS) {
    const convener = w.convener[need.community];
    acts.push({
      at: at(need.claimOn, '10:00'),
      run: async () => {
        for (const key of need.claimants) {
          const memberId = memberOf(w, key).id;
          const res = await convener
            .post(`/api/serving/needs/${w.needs.get(need.key)}/claims`)
            .send({ memberId })
            .expect(201);
          w.claims.set(`${need.key}/${key}`, {
            id: res.body.id,
            memberId,
            neededOn: need.neededOn,
            claimedAt: w.s.now(),
          });
        }
      },
    });
    if (need.doneOn)
      acts.push({
        at: at(need.doneOn),
        run: async () => {
          for (const key of need.done) {
            const claim = w.claims.get(`${need.key}/${key}`)!;
            await convener
              .post(`/api/serving/claims/${claim.id}/done`)
              .send({ servedOn: need.neededOn, minutes: 120, what: `完成服务需求${need.key}`, confirmedBy: '社区书记' })
              .expect(201);
            claim.closedAt = w.s.now();
            w.services.push({ memberId: claim.memberId, servedOn: need.neededOn, recordedAt: w.s.now() });
          }
        },
      });
  }
  acts.push({
    at: at(CANCELLED.on),
    run: async () => {
      const claim = w.claims.get(`${CANCELLED.need}/${CANCELLED.member}`)!;
      await w.convener.c.post(`/api/serving/claims/${claim.id}/cancel`).send({}).expect(200);
      claim.closedAt = w.s.now();
    },
  });
  return acts;
}

/** Services without a need, and the member who moves away. */
function cardActs(w: World): Act[] {
  const acts: Act[] = SERVICES.map((batch) => ({
    at: at(batch.recordedOn),
    run: async () => {
      for (const key of batch.members) {
        await w.convener[key[0] as CommunityKey]
          .post('/api/serving/services')
          .send({
            memberId: memberOf(w, key).id,
            servedOn: batch.servedOn,
            minutes: 90,
            what: '入户走访',
            confirmedBy: '社区书记',
          })
          .expect(201);
        w.services.push({ memberId: memberOf(w, key).id, servedOn: batch.servedOn, recordedAt: w.s.now() });
      }
    },
  }));
  acts.push({
    at: at(REMOVED.on, '16:00'),
    run: async () => {
      await w.convener.c
        .delete(`/api/serving/members/${memberOf(w, REMOVED.member).id}`)
        .expect((r) => expect([200, 204]).toContain(r.status));
      memberOf(w, REMOVED.member).removedAt = w.s.now();
    },
  });
  return acts;
}

/** The receipt token from the link in the employer's captured feedback mail (only its hash is stored). */
async function receiptToken(w: World, k: CommunityKey, e: EmployerKey): Promise<string> {
  const row = await t.db.prisma.notification.findFirstOrThrow({
    where: {
      obligation: servingFeedbackWorkflowId(w.community[k].id),
      periodKey: '2026-Q3',
      step: `feedback:${w.employer[e].code}`,
    },
  });
  const mail = t.mail.sink.messages().find((m) => m.messageId === row.messageId)!;
  expect(mail.to).toEqual([w.employer[e].contactEmail]);
  const token = /\/receipts\/([A-Za-z0-9_-]{16,})/.exec(mail.text)?.[1];
  expect(token).toBeDefined();
  return token!;
}

/** Employers confirm through the public page's API (no login), with the token of their mail; single use. */
function receiptActs(w: World): Act[] {
  return RECEIPTS.map((r) => ({
    at: at(r.on),
    run: async () => {
      const token = await receiptToken(w, r.community, r.employer);
      // This employer's members of this community only (those served in the quarter by name).
      const view = JSON.stringify((await request(w.s.app).get(`/api/serving/receipts/${token}`).expect(200)).body);
      expect(view).toContain(EMPLOYERS[r.employer].name);
      for (const m of w.members.values()) {
        if (m.communityId !== w.community[r.community].id) continue;
        const name = `党员${m.key.toUpperCase()}`;
        const served = w.services.some((x) => x.memberId === m.id && x.servedOn <= '2026-09-30');
        if (m.employerId !== w.employer[r.employer].id) expect([name, view.includes(name)]).toEqual([name, false]);
        else if (served) expect([name, view.includes(name)]).toEqual([name, true]);
      }
      const confirm = (confirmedBy: string) =>
        request(w.s.app).post(`/api/serving/receipts/${token}/confirm`).send({ confirmedBy });
      await confirm(`${EMPLOYERS[r.employer].name}联系人`).expect(200);
      await confirm('again').expect(410);
      w.receipts.push({
        communityId: w.community[r.community].id,
        employerId: w.employer[r.employer].id,
        periodKey: '2026-Q3',
        confirmedAt: w.s.now(),
      });
    },
  }));
}

/** Every ledger row of the three workflows equals the model's; each at 09:00 (+ its offset), one mail each. */
async function expectLedger(w: World, until: number): Promise<LedgerRow[]> {
  const expected = expectedServingLedger({
    rule: MODEL_RULE,
    communities: Object.values(w.community).map((c) => ({ id: c.id, convenerEmail: c.convenerEmail })),
    employers: Object.values(w.employer),
    members: [...w.members.values()],
    claims: [...w.claims.values()],
    services: w.services,
    receipts: w.receipts,
    supervisors: w.supervisors,
    feedbackFrom: w.feedbackFrom,
    until,
  });
  const rows = await t.db.prisma.notification.findMany({
    where: { OR: SERVING_OBLIGATIONS.map((p) => ({ obligation: { startsWith: p } })) },
  });
  const got = rows.map((r) => ({ ...r, day: shanghaiDay(r.scheduledFor.getTime()) }));
  expect(got.map(rowKey).sort()).toEqual(expected.map(rowKey));
  for (const r of rows) {
    const offset = r.scheduledFor.getTime() - shanghai(shanghaiDay(r.scheduledFor.getTime()), '09:00');
    expect([r.step, offset >= 0 && offset < 600_000]).toEqual([r.step, true]);
  }
  expectOneMailEach(t.mail, rows);
  // The feedback mails carry the quarter's records as XLSX.
  for (const r of rows.filter((x) => x.step.startsWith('feedback:'))) {
    const mail = t.mail.sink.messages().find((m) => m.messageId === r.messageId)!;
    expect(mail.attachments.map((a) => a.filename?.endsWith('.xlsx'))).toEqual([true]);
  }
  return expected;
}

/** The model's answer for this scenario, read by a person: the counts spelled out. */
function expectCountsByHand(expected: LedgerRow[]): void {
  const count = (prefix: string, step: string) =>
    expected.filter((r) => r.obligation.startsWith(prefix) && r.step.startsWith(step)).length;
  // 11 employer–community pairs (港北's court member left in August) → 11 mails; 7 unconfirmed on
  // 10-14 → 7 reminders; 5 still unconfirmed on 10-19 → 5 × 2 supervisors.
  expect([
    count('serving-feedback:', 'feedback:'),
    count('serving-feedback:', 'receipt-reminder:'),
    count('serving-feedback:', 'receipt-office:'),
  ]).toEqual([11, 7, 10]);
  // a08 (n1) → member 07-15 + community 07-17; c01 (n3, no email) → community 08-27 only; b08 (n5, done
  // 09-22 15:00) → member 09-22; b01 (n2, done 10-08) → member 09-30; b04 (n2) → member 09-30 + community 10-09.
  expect(
    expected
      .filter((r) => r.obligation.startsWith('need-claim:'))
      .map((r) => `${r.step} ${r.day}`)
      .sort(),
  ).toEqual(
    [
      'claim-unconfirmed 2026-07-15',
      'claim-unconfirmed-community 2026-07-17',
      'claim-unconfirmed-community 2026-08-27',
      'claim-unconfirmed 2026-09-22',
      'claim-unconfirmed 2026-09-30',
      'claim-unconfirmed 2026-09-30',
      'claim-unconfirmed-community 2026-10-09',
    ].sort(),
  );
  // Participation: 37 members can be reached (40 less c12 removed, b07 and c01 without email).
  // reminder-75 (09-11): less the 4 who had 2 services by then (a01, a02, c02, c07) = 33;
  // reminder-55 (10-15): less also a03, a04, a13, b02, b05, c03, c10 (second service 09-15) and
  // b01 (n2 confirmed 10-08) = 37 − 12 = 25. reminder-5 (12-24) lies beyond the quarter.
  expect([count('serving-participation:', 'reminder-75'), count('serving-participation:', 'reminder-55')]).toEqual([
    33, 25,
  ]);
}

/** 碧海's feedback of the quarter as its convener sees it: per employer, members, services, confirmed, reminded, office told. */
async function expectFeedbackStatus(w: World): Promise<void> {
  const res = await w.convener.a
    .get(`/api/serving/feedback?communityId=${w.community.a.id}&periodKey=2026-Q3`)
    .expect(200);
  type Item = {
    code: string;
    members: number;
    services: number;
    confirmedAt: string | null;
    remindedAt: string | null;
    officeToldAt: string | null;
  };
  const status = Object.fromEntries(
    (res.body.items as Item[]).map((i) => [
      i.code.replace(`-${w.tag}`, ''),
      [i.members, i.services, i.confirmedAt !== null, i.remindedAt !== null, i.officeToldAt !== null],
    ]),
  );
  // tax a01–a04: 2 services each; hospital a05 (n1), a06 (n4); port a09 (n4); court a12 (n4), a13 ×2, a14.
  expect(status).toEqual({
    tax: [4, 8, true, false, false],
    hospital: [3, 2, false, true, true],
    port: [4, 1, true, false, false],
    court: [4, 4, false, true, true],
  });
}

/** The year's figures on 10-20, literal. */
async function expectFigures(w: World): Promise<void> {
  const figures = await w.s.admin.get('/api/serving/figures?year=2026').expect(200);
  const byCode = Object.fromEntries(
    (figures.body.communities as { code: string }[])
      .filter((c) => c.code.endsWith(w.tag))
      .map((c) => [c.code.replace(`-${w.tag}`, ''), c]),
  );
  const counts = (
    employers: number,
    members: number,
    needs: [number, number, number],
    services: number,
    minutes: number,
    below: number,
  ) => ({
    employers,
    members,
    needsPublished: needs[0],
    needsClaimed: needs[1],
    needsDone: needs[2],
    services,
    minutes,
    hours: minutes / 60,
    membersBelowMinimum: below,
  });
  // 碧海: services n1 ×2 + n4 ×4 (120 min) + 5 + 4 without a need (90 min) = 15, 1530 min; 5 of 15 met.
  // 桥东: n5 + n2 (120) + 5 + 3 (90) = 10, 960 min; 3 of 13 met. 港北: n6 ×3 (120) + 5 + 4 (90) = 12,
  // 1170 min; 4 of 11 met (c12 removed). Needs done: 港北's n3 never.
  expect(byCode).toEqual({
    a: expect.objectContaining(counts(2, 15, [2, 2, 2], 15, 1530, 10)),
    b: expect.objectContaining(counts(2, 13, [2, 2, 2], 10, 960, 10)),
    c: expect.objectContaining(counts(1, 11, [2, 2, 1], 12, 1170, 7)),
  });
  const streetRow = (figures.body.streets as { code: string }[]).find((r) => r.code === `xinxing-${w.tag}`);
  expect(streetRow).toEqual(expect.objectContaining(counts(5, 39, [6, 6, 5], 37, 3660, 27)));
  expect(figures.body.employersWithoutCommunity).toBe(1);
  // The city: the street's, and the hospital registered outside the communities.
  expect(figures.body.total).toEqual(expect.objectContaining(counts(6, 39, [6, 6, 5], 37, 3660, 27)));
}

test('a quarter of the third entry: exactly the notices the rules promise, receipts confirmed or escalated, the figures', async () => {
  const s = await simulatedApi(t);
  const tag = randomUUID().slice(0, 6);
  await s.run(async () => {
    const office = await registerOffice(s, tag);
    const w: World = {
      s,
      tag,
      ...office,
      ...(await registerServing(s, tag, office)),
      claims: new Map(),
      services: [],
      receipts: [],
    };
    expect(w.members.size).toBe(40);
    const acts = [...needActs(w), ...cardActs(w), ...receiptActs(w)].sort((x, y) => x.at - y.at);
    for (const act of acts) {
      await s.until(act.at);
      await act.run();
    }
    // 10-20: the office's notices (10-19) are out; look.
    const until = at('2026-10-20', '12:00');
    await s.until(until);
    expectCountsByHand(await expectLedger(w, until));
    await expectFeedbackStatus(w);
    await expectFigures(w);
  });
}, 600_000);
