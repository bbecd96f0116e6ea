/**
 * Agenda items (议题) and their escalation (议题上移) through the HTTP API, against a real database
 * (embedded PGlite and PostgreSQL) and a real Temporal dev server with the worker running. The
 * API's clock is simulated, so deadlines in Chinese working days are known dates: every expected
 * date and figure below was worked out by hand from the 2026 holiday notice (Dragon Boat Festival
 * 2026-06-19…21 off), not by the code under test.
 */
import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Workbook } from 'exceljs';
import type { Response } from 'supertest';
import { DEFAULT_ESCALATION_RULES } from '../domain/escalation';
import { climb, loadItem } from '../records/agenda-items';
import { escalationWorkflow } from '../workflows/escalation';
import { type ApiHarness, DATABASES, startApi, startTemporal } from './support/api-harness';
import { type Agent, agentFor } from './support/auth';

let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await startTemporal();
});

afterAll(async () => {
  await env?.teardown();
});

/** 10:00 in Asia/Shanghai on that day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

interface UnitRef {
  id: string;
  code: string;
  name: string;
}

interface Item {
  id: string;
  title: string;
  state: string;
  currentUnitId: string;
  [k: string]: any;
}

/** Register units in order (parents first) through the API, each with its own convener address. */
async function registerTree<K extends string>(
  h: ApiHarness,
  spec: [K, string, string, K?][],
): Promise<Record<K, UnitRef & { email: string }>> {
  const tag = randomUUID().slice(0, 6);
  const units = {} as Record<K, UnitRef & { email: string }>;
  for (const [key, name, level, parent] of spec) {
    const email = `${key.toLowerCase()}-${tag}@example.org`;
    const res = await h.admin
      .post('/api/units')
      .send({
        code: `${key.toLowerCase()}-${tag}`,
        name,
        level,
        ...(parent ? { parentId: units[parent].id } : {}),
        convenerName: `${name}书记`,
        convenerEmail: email,
      })
      .expect(201);
    units[key] = { id: res.body.id, code: res.body.code, name, email };
  }
  return units;
}

async function conveners<K extends string>(h: ApiHarness, units: Record<K, UnitRef>): Promise<Record<K, Agent>> {
  const agents = {} as Record<K, Agent>;
  for (const key of Object.keys(units) as K[]) {
    agents[key] = await agentFor(h.app, h.db.prisma, 'convener', units[key].id);
  }
  return agents;
}

/** Poll until `ok` holds (a workflow acting on a signal, say). */
async function eventually<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  let last = await get();
  while (!ok(last) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    last = await get();
  }
  return last;
}

const errorOf = (res: Response) => res.body.error as { code: string; field?: string; message: string };

const entry = (what: string) => ({
  what,
  whyNotSolvable: '超出本级职权，需上级协调相关部门',
  ask: '请上级联席会议研究解决',
});

describe.each(DATABASES)('agenda items and escalation on %s', (_name, kind) => {
  let h: ApiHarness;
  let now = at('2026-06-01'); // a Monday
  let u: Record<'city' | 'street' | 'community' | 'compound' | 'foreign', UnitRef & { email: string }>;
  let c: Record<keyof typeof u, Agent>;
  let supervisor: Agent;
  const ids = {} as Record<'parking' | 'lamp' | 'waste' | 'greening' | 'clutter' | 'lift', string>;
  let meetingB: string;
  let communityMeeting: string;
  let oldCommunityMeeting: string;

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    // The escalations' workflows run on the real clock, not the API's: on a day off their event
    // notices (received, answered) would wait for the next working day's notice hour. Here they go at once.
    for (const { level, ...rule } of Object.values(DEFAULT_ESCALATION_RULES)) {
      await h.db.prisma.escalationRule.upsert({
        where: { level },
        create: { level, ...rule, eventNotices: 'at-once' },
        update: { eventNotices: 'at-once' },
      });
    }
    u = await registerTree(h, [
      ['city', '东港市', 'city'],
      ['street', '新兴街道', 'street', 'city'],
      ['community', '碧海社区', 'community', 'street'],
      ['compound', '海鸥花园', 'compound', 'community'],
      ['foreign', '港北社区', 'community', 'street'],
    ]);
    c = await conveners(h, u);
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');
  });

  afterAll(async () => {
    await h?.close();
  });

  const item = async (id: string, agent: Agent = h.admin): Promise<Item> =>
    (await agent.get(`/api/agenda-items/${id}`).expect(200)).body;
  const auditActions = async (id: string) => {
    const res = await h.admin.get(`/api/audit?entity=agendaItem&entityId=${id}&limit=100`).expect(200);
    return (res.body.items as { action: string; actor: string }[]).reverse();
  };

  test('a meeting records its agenda; one item resolved on the spot; escalation needs minutes and an open item', async () => {
    await c.compound
      .post(`/api/units/${u.compound.id}/meetings`)
      .send({
        heldOn: '2026-05-29',
        attendees: ['海鸥花园书记'],
        agendaItems: [{ title: '楼道堆物', raisedBy: '3号楼居民' }],
      })
      .expect(201);
    const b = await c.compound
      .post(`/api/units/${u.compound.id}/meetings`)
      .send({
        heldOn: '2026-06-01',
        attendees: ['海鸥花园书记', '物业经理', '业委会主任'],
        minutes: '议定：停车难、垃圾清运本级无法解决，上报社区',
        agendaItems: [
          { title: '停车难', raisedBy: '业主代表', category: '停车', description: '夜间占道停车' },
          { title: '路灯损坏', raisedBy: '物业', resolution: '物业当场更换' },
          { title: '垃圾清运', raisedBy: '业委会' },
          { title: '绿化补种', raisedBy: '业主' },
        ],
      })
      .expect(201);
    meetingB = b.body.id;

    const list = await c.compound.get(`/api/agenda-items?unitId=${u.compound.id}&limit=500`).expect(200);
    expect(list.body.total).toBe(5);
    const byTitle = (t: string) => (list.body.items as Item[]).find((i) => i.title === t)!;
    ids.parking = byTitle('停车难').id;
    ids.lamp = byTitle('路灯损坏').id;
    ids.waste = byTitle('垃圾清运').id;
    ids.greening = byTitle('绿化补种').id;
    ids.clutter = byTitle('楼道堆物').id;
    expect(byTitle('停车难')).toMatchObject({
      state: 'open',
      unitId: u.compound.id,
      unitName: '海鸥花园',
      currentUnitId: u.compound.id,
      meetingId: meetingB,
      category: '停车',
      description: '夜间占道停车',
      raisedBy: '业主代表',
      escalations: [],
      feedback: [],
      overdue: false,
      workflowId: null,
      closedAt: null,
    });
    expect(byTitle('路灯损坏')).toMatchObject({
      state: 'resolved',
      resolution: '物业当场更换',
      resolvedAt: now.toISOString(),
      closedAt: now.toISOString(),
    });

    // Added to the meeting afterwards: its convener only; the community above reads but may not add.
    const lift = await c.compound
      .post(`/api/meetings/${meetingB}/agenda-items`)
      .send({ title: '电梯维修', raisedBy: '5号楼业主' })
      .expect(201);
    expect(lift.body).toMatchObject({ state: 'open', meetingId: meetingB, unitId: u.compound.id });
    ids.lift = lift.body.id;
    await c.community.post(`/api/meetings/${meetingB}/agenda-items`).send({ title: 'x', raisedBy: 'y' }).expect(403);
    await c.foreign.post(`/api/meetings/${meetingB}/agenda-items`).send({ title: 'x', raisedBy: 'y' }).expect(404);
    const noTitle = await c.compound.post(`/api/meetings/${meetingB}/agenda-items`).send({ raisedBy: 'y' }).expect(400);
    expect(errorOf(noTitle).field).toBe('title');

    // Resolved at its own level afterwards (a repeat is harmless).
    const greened = await c.compound
      .post(`/api/agenda-items/${ids.greening}/resolution`)
      .send({ resolution: '物业补种' })
      .expect(200);
    expect(greened.body).toMatchObject({ state: 'resolved', resolution: '物业补种', closedAt: now.toISOString() });
    await c.compound.post(`/api/agenda-items/${ids.greening}/resolution`).send({ resolution: '物业补种' }).expect(200);
    await c.community.post(`/api/agenda-items/${ids.parking}/resolution`).send({ resolution: '社区越权' }).expect(403);

    // No minutes: nothing to send up with the ledger entry.
    const noMinutes = await c.compound
      .post(`/api/agenda-items/${ids.clutter}/escalations`)
      .send(entry('楼道堆物'))
      .expect(400);
    expect(errorOf(noMinutes)).toMatchObject({ code: 'invalid_input', field: 'minutes' });
    // Resolved on the spot: nothing to escalate.
    const resolved = await c.compound.post(`/api/agenda-items/${ids.lamp}/escalations`).send(entry('路灯')).expect(409);
    expect(errorOf(resolved).code).toBe('item_state');
    // Only the raising unit's convener sends it up.
    await c.community.post(`/api/agenda-items/${ids.parking}/escalations`).send(entry('停车')).expect(403);
    await c.foreign.post(`/api/agenda-items/${ids.parking}/escalations`).send(entry('停车')).expect(404);
    expect(await h.db.prisma.escalation.count({ where: { agendaItemId: { in: [ids.clutter, ids.lamp] } } })).toBe(0);
  });

  test('escalating writes the ledger entry with the minutes and deadlines in working days; a repeat is no second hop', async () => {
    const body = {
      what: '小区车位不足，夜间占道停车',
      whyNotSolvable: '需在小区外规划临时停车场，小区无权审批',
      ask: '协调周边空地设临时停车场',
    };
    const res = await c.compound.post(`/api/agenda-items/${ids.parking}/escalations`).send(body).expect(201);
    expect(res.body).toMatchObject({
      state: 'escalated',
      currentUnitId: u.community.id,
      workflowNotified: true,
      workflowId: `escalation:${ids.parking}`,
      overdue: false,
    });
    expect(res.body.escalations).toHaveLength(1);
    expect(res.body.escalations[0]).toMatchObject({
      hop: 1,
      fromUnitId: u.compound.id,
      toUnitId: u.community.id,
      ...body,
      minutes: '议定：停车难、垃圾清运本级无法解决，上报社区',
      sourceMeetingId: meetingB,
      escalatedAt: now.toISOString(),
      escalatedByRule: false,
      // community: 10 and 15 working days from Monday 2026-06-01 (06-19 is the Dragon Boat holiday)
      scheduleBy: '2026-06-15',
      answerBy: '2026-06-23',
      round: 0,
      state: 'pending',
      takenUpMeetingId: null,
      extensions: [],
    });
    expect(res.body.escalations[0].escalatedBy).toMatch(/^convener:convener-/);

    const again = await c.compound.post(`/api/agenda-items/${ids.parking}/escalations`).send(body).expect(200);
    expect(again.body.escalations).toHaveLength(1);
    expect(await h.db.prisma.escalation.count({ where: { agendaItemId: ids.parking } })).toBe(1);

    await c.compound.post(`/api/agenda-items/${ids.waste}/escalations`).send(entry('垃圾清运不及时')).expect(201);
    await c.compound.post(`/api/agenda-items/${ids.lift}/escalations`).send(entry('电梯老化需更换')).expect(201);

    // The item's workflow is running and tells the community's convener.
    const wf = await env.client.workflow.getHandle(`escalation:${ids.parking}`).describe();
    expect(wf.status.name).toBe('RUNNING');
    const mail = await h.mail.sink.waitFor((m) => m.to.includes(u.community.email) && m.subject.includes('停车难'));
    expect(mail.subject).toContain('议题上移');
  });

  test('the item waits in the community’s queue and is taken up at a meeting before it is answered', async () => {
    const queue = await c.community.get(`/api/agenda-items?currentUnitId=${u.community.id}`).expect(200);
    expect((queue.body.items as Item[]).map((i) => i.id).sort()).toEqual([ids.parking, ids.waste, ids.lift].sort());
    expect(queue.body.total).toBe(3);
    expect((queue.body.items as Item[]).every((i) => i.state === 'escalated')).toBe(true);
    const escalatedOnly = await c.community.get(`/api/agenda-items?state=escalated`).expect(200);
    expect(escalatedOnly.body.total).toBe(3);

    const early = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'resolved', text: '已解决' })
      .expect(409);
    expect(errorOf(early).code).toBe('item_state');

    const m = await c.community
      .post(`/api/units/${u.community.id}/meetings`)
      .send({
        heldOn: '2026-06-01',
        attendees: ['碧海社区书记'],
        minutes: '研究海鸥花园上报的停车难',
        takesUp: [ids.parking],
      })
      .expect(201);
    communityMeeting = m.body.id;
    const taken = await item(ids.parking);
    expect(taken.state).toBe('taken_up');
    expect(taken.escalations[0]).toMatchObject({
      state: 'taken_up',
      takenUpMeetingId: communityMeeting,
      takenUpAt: now.toISOString(),
    });

    // The same meeting again, through the take-up route: harmless, no second audit row.
    const repeat = await c.community
      .post(`/api/agenda-items/${ids.parking}/take-up`)
      .send({ meetingId: communityMeeting })
      .expect(200);
    expect(repeat.body.state).toBe('taken_up');
    expect((await auditActions(ids.parking)).filter((a) => a.action === 'agendaItem.take-up')).toHaveLength(1);

    const waste = await c.community
      .post(`/api/agenda-items/${ids.waste}/take-up`)
      .send({ meetingId: communityMeeting })
      .expect(200);
    expect(waste.body).toMatchObject({ state: 'taken_up', workflowNotified: true });
    expect(waste.body.escalations[0].takenUpMeetingId).toBe(communityMeeting);
    await c.community.post(`/api/agenda-items/${ids.waste}/take-up`).send({ meetingId: communityMeeting }).expect(200);

    // Not in the compound's queue: neither route lets the compound take it up.
    const notQueued = await c.compound
      .post(`/api/agenda-items/${ids.lift}/take-up`)
      .send({ meetingId: meetingB })
      .expect(409);
    expect(errorOf(notQueued).code).toBe('not_in_queue');
    const meetingsBefore = await h.db.prisma.meeting.count({ where: { unitId: u.compound.id } });
    const viaMeeting = await c.compound
      .post(`/api/units/${u.compound.id}/meetings`)
      .send({ heldOn: '2026-06-01', attendees: ['x'], takesUp: [ids.lift] })
      .expect(400);
    expect(errorOf(viaMeeting).field).toBe('takesUp.0');
    expect(await h.db.prisma.meeting.count({ where: { unitId: u.compound.id } })).toBe(meetingsBefore);
    // A community meeting held before the item arrived cannot have taken it up.
    const old = await c.community
      .post(`/api/units/${u.community.id}/meetings`)
      .send({ heldOn: '2026-05-29', attendees: ['碧海社区书记'], minutes: '上周例会' })
      .expect(201);
    oldCommunityMeeting = old.body.id;
    const tooEarly = await c.community
      .post(`/api/agenda-items/${ids.lift}/take-up`)
      .send({ meetingId: oldCommunityMeeting })
      .expect(400);
    expect(errorOf(tooEarly).field).toBe('meetingId');
    const tooEarlyRecorded = await c.community
      .post(`/api/units/${u.community.id}/meetings`)
      .send({ heldOn: '2026-05-30', attendees: ['x'], takesUp: [ids.lift] })
      .expect(400);
    expect(errorOf(tooEarlyRecorded).field).toBe('takesUp.0');
    expect((await item(ids.lift)).state).toBe('escalated');
    // Someone else's meeting: the compound's convener may not put it on the community's meeting —
    // a meeting of a unit outside their scope is answered as a missing one (issue 18; it was 403).
    const foreignMeeting = await c.compound
      .post(`/api/agenda-items/${ids.lift}/take-up`)
      .send({ meetingId: communityMeeting })
      .expect(400);
    expect(errorOf(foreignMeeting).field).toBe('meetingId');
  });

  test('the answer goes back down; a dispute opens a new round with a new deadline; a confirmation closes the item', async () => {
    await c.compound
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'resolved', text: '自答' })
      .expect(403);
    const noDate = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'scheduled', text: '将协调' })
      .expect(400);
    expect(errorOf(noDate).field).toBe('handleBy');
    const noReason = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'declined', text: '不予采纳' })
      .expect(400);
    expect(errorOf(noReason).field).toBe('reason');
    const past = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'scheduled', text: '将协调', handleBy: '2026-05-01' })
      .expect(400);
    expect(errorOf(past).field).toBe('handleBy');
    const badOutcome = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'maybe', text: 'x' })
      .expect(400);
    expect(errorOf(badOutcome).field).toBe('outcome');

    const answer = { outcome: 'scheduled', text: '已协调街道在小区东侧空地设临时停车场', handleBy: '2026-07-31' };
    const answered = await c.community.post(`/api/agenda-items/${ids.parking}/feedback`).send(answer).expect(201);
    expect(answered.body).toMatchObject({ state: 'answered', currentUnitId: u.compound.id, workflowNotified: true });
    expect(answered.body.escalations[0].state).toBe('answered');
    expect(answered.body.feedback).toHaveLength(1);
    expect(answered.body.feedback[0]).toMatchObject({
      round: 0,
      outcome: 'scheduled',
      text: answer.text,
      handleBy: '2026-07-31',
      reason: null,
      response: null,
      answeredAt: now.toISOString(),
    });
    const repeat = await c.community.post(`/api/agenda-items/${ids.parking}/feedback`).send(answer).expect(200);
    expect(repeat.body.feedback).toHaveLength(1);
    const other = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'resolved', text: '另一个答复' })
      .expect(409);
    expect(errorOf(other).code).toBe('item_state');

    // The answer reaches the compound's convener.
    await h.mail.sink.waitFor((m) => m.to.includes(u.compound.email) && m.subject.includes('答复'));

    // Only the raising unit responds; a dispute needs a reason.
    await c.community.post(`/api/agenda-items/${ids.parking}/response`).send({ response: 'confirmed' }).expect(403);
    now = at('2026-06-03'); // Wednesday
    const bare = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'disputed' })
      .expect(400);
    expect(errorOf(bare).field).toBe('reason');
    const disputed = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'disputed', reason: '临时停车场距离过远' })
      .expect(200);
    expect(disputed.body).toMatchObject({ state: 'disputed', currentUnitId: u.community.id, closedAt: null });
    expect(disputed.body.escalations[0]).toMatchObject({
      round: 1,
      state: 'taken_up',
      scheduleBy: '2026-06-15',
      // 15 working days from Wednesday 2026-06-03, over the Dragon Boat holiday
      answerBy: '2026-06-25',
    });
    expect(disputed.body.feedback[0]).toMatchObject({ response: 'disputed', responseReason: '临时停车场距离过远' });
    const disputedAgain = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'disputed', reason: '临时停车场距离过远' })
      .expect(200);
    expect(disputedAgain.body.escalations[0].round).toBe(1);

    const second = await c.community
      .post(`/api/agenda-items/${ids.parking}/feedback`)
      .send({ outcome: 'resolved', text: '已在小区内划定夜间停车位' })
      .expect(201);
    expect(second.body.feedback.map((f: { round: number; outcome: string }) => [f.round, f.outcome])).toEqual([
      [0, 'scheduled'],
      [1, 'resolved'],
    ]);

    const confirmed = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'confirmed' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', closedAt: at('2026-06-03').toISOString() });
    expect(confirmed.body.feedback[1]).toMatchObject({ response: 'confirmed', responseReason: null });
    now = at('2026-06-04');
    const confirmedAgain = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'confirmed' })
      .expect(200);
    expect(confirmedAgain.body).toMatchObject({ state: 'confirmed', closedAt: at('2026-06-03').toISOString() });
    const late = await c.compound
      .post(`/api/agenda-items/${ids.parking}/response`)
      .send({ response: 'disputed', reason: '改主意' })
      .expect(409);
    expect(errorOf(late).code).toBe('item_state');
    now = at('2026-06-03');

    // Closed: its workflow ends.
    const done = await eventually(
      () => env.client.workflow.getHandle(`escalation:${ids.parking}`).describe(),
      (d) => d.status.name !== 'RUNNING',
    );
    expect(done.status.name).toBe('COMPLETED');

    const trail = await auditActions(ids.parking);
    expect(trail.map((a) => a.action)).toEqual([
      'agendaItem.raise',
      'agendaItem.escalate',
      'agendaItem.take-up',
      'agendaItem.answer',
      'agendaItem.dispute',
      'agendaItem.answer',
      'agendaItem.confirm',
    ]);
    expect(trail.every((a) => a.actor.startsWith('convener:'))).toBe(true);
  });

  test('an item climbs community → street → city with a meeting’s minutes each time; the city has no level above', async () => {
    // The compound may not send it further: that is the community's decision now.
    await c.compound.post(`/api/agenda-items/${ids.waste}/escalations`).send(entry('再上报')).expect(403);
    // Not yet on any community meeting, and no meeting named: 400.
    const noMeeting = await c.community
      .post(`/api/agenda-items/${ids.lift}/escalations`)
      .send(entry('电梯更换资金'))
      .expect(400);
    expect(errorOf(noMeeting).field).toBe('meetingId');
    // A meeting, but not the community's.
    const wrongMeeting = await c.community
      .post(`/api/agenda-items/${ids.lift}/escalations`)
      .send({ ...entry('电梯更换资金'), meetingId: meetingB })
      .expect(400);
    expect(errorOf(wrongMeeting).field).toBe('meetingId');
    // The community's, but held before the item arrived.
    const earlier = await c.community
      .post(`/api/agenda-items/${ids.lift}/escalations`)
      .send({ ...entry('电梯更换资金'), meetingId: oldCommunityMeeting })
      .expect(400);
    expect(errorOf(earlier).field).toBe('meetingId');
    // Naming the community's meeting is enough.
    const lift = await c.community
      .post(`/api/agenda-items/${ids.lift}/escalations`)
      .send({ ...entry('电梯更换资金'), meetingId: communityMeeting })
      .expect(201);
    expect(lift.body.escalations.map((e: { hop: number; state: string }) => [e.hop, e.state])).toEqual([
      [1, 'escalated_further'],
      [2, 'pending'],
    ]);

    // Taken up at the community's meeting: its minutes go up with the entry.
    const toStreet = await c.community
      .post(`/api/agenda-items/${ids.waste}/escalations`)
      .send(entry('垃圾清运需街道统筹'))
      .expect(201);
    expect(toStreet.body).toMatchObject({ state: 'escalated', currentUnitId: u.street.id });
    expect(toStreet.body.escalations[0].state).toBe('escalated_further');
    expect(toStreet.body.escalations[1]).toMatchObject({
      hop: 2,
      fromUnitId: u.community.id,
      toUnitId: u.street.id,
      what: '垃圾清运需街道统筹',
      minutes: '研究海鸥花园上报的停车难',
      sourceMeetingId: communityMeeting,
      // street: 15 and 20 working days from Wednesday 2026-06-03
      scheduleBy: '2026-06-25',
      answerBy: '2026-07-02',
      state: 'pending',
    });
    const queue = await c.street.get(`/api/agenda-items?currentUnitId=${u.street.id}`).expect(200);
    expect((queue.body.items as Item[]).map((i) => i.id).sort()).toEqual([ids.waste, ids.lift].sort());

    const streetNoMeeting = await c.street
      .post(`/api/agenda-items/${ids.waste}/escalations`)
      .send(entry('垃圾中转站选址'))
      .expect(400);
    expect(errorOf(streetNoMeeting).field).toBe('meetingId');
    const sm = await c.street
      .post(`/api/units/${u.street.id}/meetings`)
      .send({ heldOn: '2026-06-03', attendees: ['新兴街道书记'], minutes: '垃圾中转站选址需市里协调' })
      .expect(201);
    const toCity = await c.street
      .post(`/api/agenda-items/${ids.waste}/escalations`)
      .send({ ...entry('垃圾中转站选址'), meetingId: sm.body.id })
      .expect(201);
    expect(toCity.body).toMatchObject({ state: 'escalated', currentUnitId: u.city.id });
    expect(toCity.body.escalations[2]).toMatchObject({
      hop: 3,
      fromUnitId: u.street.id,
      toUnitId: u.city.id,
      minutes: '垃圾中转站选址需市里协调',
      sourceMeetingId: sm.body.id,
      // city: 20 and 30 working days from Wednesday 2026-06-03
      scheduleBy: '2026-07-02',
      answerBy: '2026-07-16',
    });

    const cm = await c.city
      .post(`/api/units/${u.city.id}/meetings`)
      .send({ heldOn: '2026-06-03', attendees: ['市委书记'], minutes: '研究垃圾中转站', takesUp: [ids.waste] })
      .expect(201);
    const top = await c.city
      .post(`/api/agenda-items/${ids.waste}/escalations`)
      .send({ ...entry('无处可报'), meetingId: cm.body.id })
      .expect(409);
    expect(errorOf(top).code).toBe('no_upper_level');
    const bySupervisor = await supervisor
      .post(`/api/agenda-items/${ids.waste}/escalations`)
      .send(entry('联络办再上报'))
      .expect(409);
    expect(errorOf(bySupervisor).code).toBe('no_upper_level');
    expect(await h.db.prisma.escalation.count({ where: { agendaItemId: ids.waste } })).toBe(3);
    expect((await item(ids.waste)).state).toBe('taken_up');
  });

  test('the liaison office extends an answer deadline; the workflow follows', async () => {
    const body = { answerBy: '2026-07-31', reason: '需市住建局现场勘查' };
    await c.city.post(`/api/agenda-items/${ids.waste}/extensions`).send(body).expect(403);
    await c.compound.post(`/api/agenda-items/${ids.waste}/extensions`).send(body).expect(403);
    const earlier = await supervisor
      .post(`/api/agenda-items/${ids.waste}/extensions`)
      .send({ ...body, answerBy: '2026-07-10' })
      .expect(400);
    expect(errorOf(earlier).field).toBe('answerBy');
    const same = await supervisor
      .post(`/api/agenda-items/${ids.waste}/extensions`)
      .send({ ...body, answerBy: '2026-07-16' })
      .expect(400);
    expect(errorOf(same).field).toBe('answerBy');
    const noReason = await supervisor
      .post(`/api/agenda-items/${ids.waste}/extensions`)
      .send({ answerBy: '2026-07-31' })
      .expect(400);
    expect(errorOf(noReason).field).toBe('reason');

    const extended = await supervisor.post(`/api/agenda-items/${ids.waste}/extensions`).send(body).expect(201);
    expect(extended.body.escalations[2]).toMatchObject({
      answerBy: '2026-07-31',
      scheduleBy: '2026-07-02',
      extensions: [{ round: 0, fromDate: '2026-07-16', toDate: '2026-07-31', reason: '需市住建局现场勘查' }],
    });
    expect(extended.body.workflow).toMatchObject({ agendaItemId: ids.waste, hop: 3, answerBy: '2026-07-31' });
    const again = await supervisor.post(`/api/agenda-items/${ids.waste}/extensions`).send(body).expect(200);
    expect(again.body.escalations[2].extensions).toHaveLength(1);
    expect(await h.db.prisma.deadlineExtension.count()).toBe(1);

    // A closed item has no deadline to move.
    const closed = await supervisor.post(`/api/agenda-items/${ids.parking}/extensions`).send(body).expect(409);
    expect(errorOf(closed).code).toBe('item_state');

    const status = await eventually(
      async () => (await c.city.get(`/api/agenda-items/${ids.waste}/escalation-status`).expect(200)).body,
      (s) => s.answerBy === '2026-07-31' && s.state === 'taken_up',
    );
    expect(status).toMatchObject({
      workflowId: `escalation:${ids.waste}`,
      agendaItemId: ids.waste,
      state: 'taken_up',
      hop: 3,
      currentUnitId: u.city.id,
      scheduleBy: '2026-07-02',
      answerBy: '2026-07-31',
    });
    const wf = await env.client.workflow.getHandle(`escalation:${ids.waste}`).describe();
    expect(wf.status.name).toBe('RUNNING');
    const never = await c.compound.get(`/api/agenda-items/${ids.clutter}/escalation-status`).expect(404);
    expect(errorOf(never).code).toBe('not_found');

    expect((await auditActions(ids.waste)).map((a) => a.action)).toEqual([
      'agendaItem.raise',
      'agendaItem.escalate',
      'agendaItem.take-up',
      'agendaItem.escalate',
      'agendaItem.escalate',
      'agendaItem.take-up',
      'agendaItem.extend',
    ]);
    expect((await auditActions(ids.greening)).map((a) => a.action)).toEqual(['agendaItem.raise', 'agendaItem.resolve']);
  });

  test('a foreign community’s convener does not see the items', async () => {
    await c.foreign.get(`/api/agenda-items/${ids.parking}`).expect(404);
    await c.foreign.get(`/api/agenda-items/${ids.parking}/escalation-status`).expect(404);
    await c.foreign.post(`/api/agenda-items/${ids.waste}/take-up`).send({ meetingId: communityMeeting }).expect(404);
    const list = await c.foreign.get('/api/agenda-items').expect(200);
    expect(list.body).toMatchObject({ items: [], total: 0 });
    const asked = await c.foreign.get(`/api/agenda-items?unitId=${u.compound.id}`).expect(200);
    expect(asked.body).toMatchObject({ items: [], total: 0 });
    const queue = await c.foreign.get(`/api/agenda-items?currentUnitId=${u.city.id}`).expect(200);
    expect(queue.body.total).toBe(0);
    await c.foreign.get('/api/agenda-items/not-a-uuid').expect(404);
  });

  test('the raising unit may dispute an answer and ask for the item to go further up', async () => {
    const raised = await c.compound
      .post(`/api/meetings/${meetingB}/agenda-items`)
      .send({ title: '噪音扰民', raisedBy: '业主' })
      .expect(201);
    const id = raised.body.id as string;
    await c.compound.post(`/api/agenda-items/${id}/escalations`).send(entry('夜间施工噪音')).expect(201);
    await c.community
      .post(`/api/units/${u.community.id}/meetings`)
      .send({ heldOn: '2026-06-03', attendees: ['碧海社区书记'], minutes: '研究噪音', takesUp: [id] })
      .expect(201);
    await c.community
      .post(`/api/agenda-items/${id}/feedback`)
      .send({ outcome: 'declined', text: '不属社区职权', reason: '施工许可由住建部门发放' })
      .expect(201);
    const bare = await c.compound
      .post(`/api/agenda-items/${id}/response`)
      .send({ response: 'disputed', escalateFurther: true })
      .expect(400);
    expect(errorOf(bare).field).toBe('reason');
    const body = { response: 'disputed', reason: '请街道协调住建部门', escalateFurther: true };
    const further = await c.compound.post(`/api/agenda-items/${id}/response`).send(body).expect(200);
    expect(further.body).toMatchObject({ state: 'escalated', currentUnitId: u.street.id, workflowNotified: true });
    expect(
      further.body.escalations.map((e: any) => [e.hop, e.fromUnitId, e.toUnitId, e.state, e.answerBy, e.minutes]),
    ).toEqual([
      [
        1,
        u.compound.id,
        u.community.id,
        'escalated_further',
        '2026-06-25',
        '议定：停车难、垃圾清运本级无法解决，上报社区',
      ],
      // street: 20 working days from Wednesday 2026-06-03; the minutes of the meeting that answered travel on
      [2, u.community.id, u.street.id, 'pending', '2026-07-02', '研究噪音'],
    ]);
    expect(further.body.escalations[1].whyNotSolvable).toMatch(/^请街道协调住建部门（提出单位对答复有异议/);
    expect(further.body.feedback[0]).toMatchObject({ response: 'disputed', responseReason: '请街道协调住建部门' });
    const again = await c.compound.post(`/api/agenda-items/${id}/response`).send(body).expect(200);
    expect(again.body.escalations).toHaveLength(2);
    expect((await auditActions(id)).map((a) => a.action)).toEqual([
      'agendaItem.raise',
      'agendaItem.escalate',
      'agendaItem.take-up',
      'agendaItem.answer',
      'agendaItem.escalate',
      'agendaItem.dispute',
    ]);
  });

  test('asking for the status of an item whose workflow never started starts it from the record', async () => {
    const raised = await h.admin
      .post(`/api/meetings/${meetingB}/agenda-items`)
      .send({ title: '水压不足', raisedBy: '业主' })
      .expect(201);
    const id = raised.body.id as string;
    // Escalated in the record while Temporal was unreachable, say: no workflow.
    await climb(h.db.prisma, (await loadItem(h.db.prisma, id))!, {
      ...entry('水压不足'),
      minutes: '纪要',
      sourceMeetingId: meetingB,
      escalatedBy: 'admin:test',
      escalatedByRule: false,
      now,
    });
    const status = await c.compound.get(`/api/agenda-items/${id}/escalation-status`).expect(200);
    expect(status.body).toMatchObject({
      workflowId: `escalation:${id}`,
      state: 'escalated',
      hop: 1,
      currentUnitId: u.community.id,
      // community: 10 and 15 working days from Wednesday 2026-06-03
      scheduleBy: '2026-06-17',
      answerBy: '2026-06-25',
    });
    expect((await env.client.workflow.getHandle(`escalation:${id}`).describe()).status.name).toBe('RUNNING');
  });

  test('an extension does not wait on a workflow that cannot answer (no worker): the record moves at once', async () => {
    const raised = await h.admin
      .post(`/api/meetings/${meetingB}/agenda-items`)
      .send({ title: '井盖破损', raisedBy: '业主' })
      .expect(201);
    const id = raised.body.id as string;
    await climb(h.db.prisma, (await loadItem(h.db.prisma, id))!, {
      ...entry('井盖破损'),
      minutes: '纪要',
      sourceMeetingId: meetingB,
      escalatedBy: 'admin:test',
      escalatedByRule: false,
      now,
    });
    // Its workflow sits on a task queue no worker polls.
    const handle = await env.client.workflow.start(escalationWorkflow, {
      workflowId: `escalation:${id}`,
      taskQueue: `nobody-${randomUUID()}`,
      args: [{ agendaItemId: id }],
    });
    try {
      const started = Date.now();
      const res = await supervisor
        .post(`/api/agenda-items/${id}/extensions`)
        .send({ answerBy: '2026-07-31', reason: '需现场勘查' })
        .expect(201);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(res.body.workflow).toBeNull();
      expect(res.body.escalations[0]).toMatchObject({
        answerBy: '2026-07-31',
        extensions: [{ fromDate: '2026-06-25', toDate: '2026-07-31' }],
      });
    } finally {
      await handle.terminate('test over');
    }
  }, 30_000);

  test('an admin sending an item further up with the same matter and ask makes a new hop, not a repeat', async () => {
    const raised = await h.admin
      .post(`/api/meetings/${meetingB}/agenda-items`)
      .send({ title: '外墙脱落', raisedBy: '业主' })
      .expect(201);
    const id = raised.body.id as string;
    const first = entry('外墙脱落');
    await h.admin.post(`/api/agenda-items/${id}/escalations`).send(first).expect(201);
    const repeat = await h.admin.post(`/api/agenda-items/${id}/escalations`).send(first).expect(200);
    expect(repeat.body.escalations).toHaveLength(1);
    const further = await h.admin
      .post(`/api/agenda-items/${id}/escalations`)
      .send({ ...first, whyNotSolvable: '社区协调物业未果，需街道出面' })
      .expect(201);
    expect(further.body).toMatchObject({ state: 'escalated', currentUnitId: u.street.id });
    expect(further.body.escalations.map((e: { hop: number; toUnitId: string }) => [e.hop, e.toUnitId])).toEqual([
      [1, u.community.id],
      [2, u.street.id],
    ]);
    // The same entry again, this time with the street's meeting named: a third hop, to the city.
    const sm = await c.street
      .post(`/api/units/${u.street.id}/meetings`)
      .send({ heldOn: '2026-06-03', attendees: ['新兴街道书记'], minutes: '外墙脱落需市里协调' })
      .expect(201);
    const third = await h.admin
      .post(`/api/agenda-items/${id}/escalations`)
      .send({ ...first, whyNotSolvable: '社区协调物业未果，需街道出面', meetingId: sm.body.id })
      .expect(201);
    expect(third.body.escalations[2]).toMatchObject({ hop: 3, toUnitId: u.city.id, minutes: '外墙脱落需市里协调' });
  });
});

// --- Figures ---------------------------------------------------------------------------------

const zero = {
  meetingsHeld: 0,
  itemsRaised: 0,
  resolvedAtOwnLevel: 0,
  open: 0,
  escalated: 0,
  escalatedAnswered: 0,
  escalatedResolved: 0,
  pending: 0,
  overdue: 0,
};
type Figures = typeof zero;
const row = (level: string, over: Partial<Figures>) => ({ level, ...zero, ...over });

describe.each(DATABASES)('figures and scope on %s', (_name, kind) => {
  let h: ApiHarness;
  let now = at('2026-06-10'); // a Wednesday
  let u: Record<'C' | 'S' | 'M1' | 'M2' | 'P1' | 'P2', UnitRef & { email: string }>;
  let c: Record<keyof typeof u, Agent>;
  let supervisor: Agent;
  const ids: Record<string, string> = {};

  /** Record a meeting; returns its id and records the ids of its items by title. */
  async function meeting(
    unit: keyof typeof u,
    heldOn: string,
    agendaItems: { title: string; resolution?: string }[] = [],
    takesUp: string[] = [],
  ): Promise<string> {
    const res = await c[unit]
      .post(`/api/units/${u[unit].id}/meetings`)
      .send({
        heldOn,
        attendees: ['书记'],
        minutes: `${u[unit].name} ${heldOn} 会议纪要`,
        agendaItems: agendaItems.map((a) => ({ raisedBy: '居民', ...a })),
        takesUp,
      })
      .expect(201);
    const items = await h.db.prisma.agendaItem.findMany({ where: { meetingId: res.body.id } });
    for (const i of items) ids[i.title] = i.id;
    expect(items).toHaveLength(agendaItems.length);
    return res.body.id;
  }
  const escalate = (unit: keyof typeof u, title: string) =>
    c[unit].post(`/api/agenda-items/${ids[title]}/escalations`).send(entry(title)).expect(201);

  beforeAll(async () => {
    h = await startApi(env, kind, () => now);
    u = await registerTree(h, [
      ['C', '东港市', 'city'],
      ['S', '新兴街道', 'street', 'C'],
      ['M1', '碧海社区', 'community', 'S'],
      ['M2', '港北社区', 'community', 'S'],
      ['P1', '海鸥花园', 'compound', 'M1'],
      ['P2', '港湾小区', 'compound', 'M2'],
    ]);
    c = await conveners(h, u);
    supervisor = await agentFor(h.app, h.db.prisma, 'supervisor');

    // 2026-Q1 (outside the period asked for): one resolved, one open.
    await meeting('P1', '2026-03-20', [{ title: 'q1a', resolution: '已解决' }, { title: 'q1b' }]);
    // 2026-Q2
    await meeting('P1', '2026-04-03', [{ title: 'p1a', resolution: '已解决' }]);
    await meeting('P1', '2026-05-08', [{ title: 'p1b', resolution: '已解决' }]);
    await meeting('P1', '2026-06-08', [{ title: 'p1c' }, { title: 'p1e' }]);
    await meeting('P2', '2026-06-09', [{ title: 'p2a' }, { title: 'p2b' }]);
    await meeting('M1', '2026-04-10', [{ title: 'm1a', resolution: '已解决' }, { title: 'm1b' }, { title: 'm1c' }]);
    await meeting('M1', '2026-05-12', [{ title: 'm1d' }]);
    await meeting('M2', '2026-06-05', [{ title: 'm2a' }, { title: 'm2b' }]);
    await meeting('S', '2026-04-15', [{ title: 's1', resolution: '已解决' }]);
    await meeting('C', '2026-05-20');

    // Wednesday 2026-06-10: five items go up, four are taken up and answered.
    await escalate('P1', 'p1c');
    await escalate('P2', 'p2b');
    await escalate('M1', 'm1c');
    await escalate('M2', 'm2a');
    await escalate('M1', 'm1d'); // street: answer by 2026-07-09 (20 working days)
    await meeting('M1', '2026-06-10', [], [ids.p1c!]);
    await meeting('M2', '2026-06-10', [], [ids.p2b!]);
    await meeting('S', '2026-06-10', [], [ids.m1c!, ids.m2a!]);
    await c.M1.post(`/api/agenda-items/${ids.p1c}/feedback`)
      .send({ outcome: 'scheduled', text: '九月底前办理', handleBy: '2026-09-30' })
      .expect(201);
    await c.S.post(`/api/agenda-items/${ids.m1c}/feedback`).send({ outcome: 'resolved', text: '已解决' }).expect(201);
    await c.S.post(`/api/agenda-items/${ids.m2a}/feedback`)
      .send({ outcome: 'declined', text: '不予采纳', reason: '不属街道职权' })
      .expect(201);
    await c.M1.post(`/api/agenda-items/${ids.m1c}/response`).send({ response: 'confirmed' }).expect(200);
    await c.M2.post(`/api/agenda-items/${ids.m2a}/response`).send({ response: 'confirmed' }).expect(200);
    // p2b: answered, disputed the same day: a new round to answer by 2026-07-02 (15 working days).
    await c.M2.post(`/api/agenda-items/${ids.p2b}/feedback`).send({ outcome: 'resolved', text: '已解决' }).expect(201);
    await c.P2.post(`/api/agenda-items/${ids.p2b}/response`)
      .send({ response: 'disputed', reason: '并未解决' })
      .expect(200);

    // Monday 2026-06-22: m2b goes up, to be answered by the street by 2026-07-20 (20 working days).
    now = at('2026-06-22');
    await escalate('M2', 'm2b');

    // Monday 2026-07-20: m1d is past its answer deadline; p2a goes up now (answer by 2026-08-10).
    now = at('2026-07-20');
    await escalate('P2', 'p2a');
    await meeting('M2', '2026-07-20', [], [ids.p2a!]);
  });

  afterAll(async () => {
    await h?.close();
  });

  // Worked out by hand from the dataset above (2026-Q2, as of 2026-07-20). m2b's deadline is
  // today: not overdue yet. p2b is disputed: pending (not open), and overdue in its new round.
  const Q2 = [
    row('city', { meetingsHeld: 1 }),
    row('street', { meetingsHeld: 2, itemsRaised: 1, resolvedAtOwnLevel: 1 }),
    row('community', {
      meetingsHeld: 5,
      itemsRaised: 6,
      resolvedAtOwnLevel: 1,
      open: 1,
      escalated: 4,
      escalatedAnswered: 2,
      escalatedResolved: 1,
      pending: 2,
      overdue: 1,
    }),
    row('compound', {
      meetingsHeld: 4,
      itemsRaised: 6,
      resolvedAtOwnLevel: 2,
      open: 1,
      escalated: 3,
      escalatedAnswered: 2,
      pending: 3,
      overdue: 1,
    }),
    row('building', {}),
    row('total', {
      meetingsHeld: 12,
      itemsRaised: 13,
      resolvedAtOwnLevel: 4,
      open: 2,
      escalated: 7,
      escalatedAnswered: 4,
      escalatedResolved: 1,
      pending: 5,
      overdue: 2,
    }),
  ];

  test('the figures of a quarter per level, for the liaison office', async () => {
    const res = await supervisor.get('/api/supervision/figures?period=2026-Q2').expect(200);
    expect(res.body).toMatchObject({ period: '2026-Q2', from: '2026-04-01', to: '2026-06-30', asOf: '2026-07-20' });
    expect(res.body.rows).toEqual(Q2);
  });

  test('the figures of a year, a month, one level and one street', async () => {
    const year = await supervisor.get('/api/supervision/figures?period=2026').expect(200);
    expect(year.body.rows).toEqual([
      row('city', { meetingsHeld: 1 }),
      row('street', { meetingsHeld: 2, itemsRaised: 1, resolvedAtOwnLevel: 1 }),
      row('community', { ...Q2[2], meetingsHeld: 6 }),
      row('compound', { ...Q2[3], meetingsHeld: 5, itemsRaised: 8, resolvedAtOwnLevel: 3, open: 2 }),
      row('building', {}),
      row('total', { ...Q2[5], meetingsHeld: 14, itemsRaised: 15, resolvedAtOwnLevel: 5, open: 3 }),
    ]);
    const june = await supervisor.get('/api/supervision/figures?period=2026-06&level=compound').expect(200);
    expect(june.body).toMatchObject({ period: '2026-06', from: '2026-06-01', to: '2026-06-30', level: 'compound' });
    const juneCompound = {
      meetingsHeld: 2,
      itemsRaised: 4,
      open: 1,
      escalated: 3,
      escalatedAnswered: 2,
      pending: 3,
      overdue: 1,
    };
    expect(june.body.rows).toEqual([row('compound', juneCompound), row('total', juneCompound)]);
    const street = await supervisor.get(`/api/supervision/figures?period=2026-Q2&streetId=${u.S.id}`).expect(200);
    expect(street.body.rows[0]).toEqual(row('city', {}));
    expect(street.body.rows[5]).toEqual(row('total', { ...Q2[5], meetingsHeld: 11 }));
    const bad = await supervisor.get('/api/supervision/figures?period=2026-Q5').expect(400);
    expect(errorOf(bad).field).toBe('query.period');
  });

  test('the unanswered escalations, overdue first', async () => {
    const res = await supervisor.get('/api/supervision/escalations').expect(200);
    expect(res.body.total).toBe(4);
    expect(
      res.body.items.map((e: any) => [e.agendaItemId, e.toUnit.id, e.state, e.answerBy, e.overdue, e.raisedByUnit.id]),
    ).toEqual([
      [ids.p2b, u.M2.id, 'taken_up', '2026-07-02', true, u.P2.id],
      [ids.m1d, u.S.id, 'pending', '2026-07-09', true, u.M1.id],
      [ids.m2b, u.S.id, 'pending', '2026-07-20', false, u.M2.id],
      [ids.p2a, u.M2.id, 'taken_up', '2026-08-10', false, u.P2.id],
    ]);
    const overdue = await supervisor.get('/api/supervision/escalations?overdue=true').expect(200);
    expect(overdue.body.items.map((e: any) => e.agendaItemId)).toEqual([ids.p2b, ids.m1d]);
    const onTime = await supervisor.get('/api/supervision/escalations?overdue=false').expect(200);
    expect(onTime.body.items.map((e: any) => e.agendaItemId)).toEqual([ids.m2b, ids.p2a]);
    const communities = await supervisor.get('/api/supervision/escalations?level=community').expect(200);
    expect(communities.body.items.map((e: any) => e.agendaItemId)).toEqual([ids.p2b, ids.p2a]);
    const paged = await supervisor.get('/api/supervision/escalations?limit=1&offset=1').expect(200);
    expect(paged.body).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(paged.body.items.map((e: any) => e.agendaItemId)).toEqual([ids.m1d]);
    const overdueOf = async (id: string) => (await supervisor.get(`/api/agenda-items/${id}`).expect(200)).body.overdue;
    expect([
      await overdueOf(ids.m1d!),
      await overdueOf(ids.p2b!),
      await overdueOf(ids.m2b!),
      await overdueOf(ids.p2a!),
    ]).toEqual([true, true, false, false]);
  });

  test('the XLSX export carries the same figures and one ledger row per item', async () => {
    const res = await supervisor
      .get('/api/supervision/figures.xlsx?period=2026-Q2')
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('agenda-ledger-2026-Q2.xlsx');
    const book = new Workbook();
    await book.xlsx.load((res.body as Buffer).slice().buffer); // a copy: exceljs wants a whole ArrayBuffer
    expect(book.worksheets.map((w) => w.name)).toEqual(['统计 Figures', '议题台账 Ledger']);

    const figures = book.getWorksheet('统计 Figures')!;
    const values = (r: number) => (figures.getRow(r).values as unknown[]).slice(1);
    expect(values(1)[0]).toContain('2026-Q2');
    expect(values(2)).toHaveLength(10);
    const columns = Object.keys(zero) as (keyof Figures)[];
    const expectedNames = [
      '市 city',
      '街道 street',
      '社区 community',
      '居民小区 residential compound',
      '楼栋 building',
    ];
    for (const [i, r] of Q2.entries()) {
      const [name, ...numbers] = values(3 + i);
      expect(name).toBe(expectedNames[i] ?? '合计 Total');
      expect(numbers).toEqual(columns.map((col) => r[col]));
    }
    expect(figures.rowCount).toBe(2 + Q2.length);

    const ledger = book.getWorksheet('议题台账 Ledger')!;
    expect(ledger.rowCount).toBe(1 + 13);
    const rows = Array.from({ length: 13 }, (_, i) => (ledger.getRow(2 + i).values as unknown[]).slice(1));
    const byTitle = (t: string) => rows.find((r) => r[3] === t)!;
    expect(rows.map((r) => r[3]).sort()).toEqual(
      ['p1a', 'p1b', 'p1c', 'p1e', 'p2a', 'p2b', 'm1a', 'm1b', 'm1c', 'm1d', 'm2a', 'm2b', 's1'].sort(),
    );
    // Dates are Excel date cells; the last escalation's time is its Asia/Shanghai wall time.
    const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
    expect(byTitle('m1d').slice(0, 4)).toEqual(['碧海社区', '社区 community', day('2026-05-12'), 'm1d']);
    expect(byTitle('m1d')[9]).toEqual(day('2026-07-09'));
    const m1dRow = ledger.getRow(2 + rows.indexOf(byTitle('m1d')));
    expect([m1dRow.getCell(3).numFmt, m1dRow.getCell(10).numFmt, m1dRow.getCell(14).numFmt]).toEqual([
      'yyyy-mm-dd',
      'yyyy-mm-dd',
      'yyyy-mm-dd hh:mm',
    ]);
    const escalated = await h.db.prisma.escalation.findFirstOrThrow({
      where: { agendaItem: { title: 'm1d' } },
      orderBy: { hop: 'desc' },
    });
    expect((byTitle('m1d')[13] as Date).toISOString().slice(0, 16)).toBe(
      new Date(escalated.escalatedAt.getTime() + 8 * 3600_000).toISOString().slice(0, 16),
    );
    // Widths follow the contents: Chinese text counts double, dates fit, nothing is left at Excel's default.
    expect(ledger.columns.map((c) => c.width)).toEqual(ledger.columns.map(() => expect.any(Number)));
    expect(ledger.getColumn(3).width).toBeGreaterThanOrEqual('会议日期 Meeting'.length + 4);
    expect(ledger.getColumn(1).width).toBeGreaterThanOrEqual(2 * '碧海社区'.length);
    expect(ledger.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(byTitle('m1d')[10]).toBe('是 yes');
    expect(rows.filter((r) => r[10] === '是 yes').map((r) => r[3])).toEqual(
      rows.filter((r) => ['m1d', 'p2b'].includes(r[3] as string)).map((r) => r[3]),
    );
    expect(byTitle('m2b')[9]).toEqual(day('2026-07-20'));
    expect(byTitle('m2b')[10] ?? '').toBe('');
    expect(byTitle('p2b')[6]).toBe('有异议 disputed');
    expect(byTitle('p2b')[12]).toBe('disputed: 并未解决');
    expect(byTitle('m1d')[8]).toBe('1. 碧海社区 → 新兴街道 2026-06-10');
    expect(byTitle('m2a')[11]).toBe('declined: 不予采纳');
    expect(byTitle('m2a')[12]).toBe('confirmed');
    expect(byTitle('p1a')[7]).toBe('已解决');
  });

  test('a community convener sees its subtree: items, queue and figures', async () => {
    const mine = await c.M1.get('/api/agenda-items?limit=500').expect(200);
    expect((mine.body.items as Item[]).map((i) => i.title).sort()).toEqual(
      ['q1a', 'q1b', 'p1a', 'p1b', 'p1c', 'p1e', 'm1a', 'm1b', 'm1c', 'm1d'].sort(),
    );
    await c.M1.get(`/api/agenda-items/${ids.m2a}`).expect(404);
    await c.M1.get(`/api/agenda-items/${ids.p2a}`).expect(404);
    await c.M1.get(`/api/agenda-items/${ids.p1c}`).expect(200);
    const foreign = await c.M1.get(`/api/agenda-items?unitId=${u.M2.id}`).expect(200);
    expect(foreign.body).toMatchObject({ items: [], total: 0 });
    const foreignQueue = await c.M1.get(`/api/agenda-items?currentUnitId=${u.M2.id}`).expect(200);
    expect(foreignQueue.body.total).toBe(0);
    // The street's queue shows the items from M1 only, as M1 sees them.
    const streetQueue = await c.M1.get(`/api/agenda-items?currentUnitId=${u.S.id}`).expect(200);
    expect((streetQueue.body.items as Item[]).map((i) => i.title)).toEqual(['m1d']);
    await c.P1.get(`/api/agenda-items/${ids.m1a}`).expect(404);

    const figures = await c.M1.get('/api/supervision/figures?period=2026-Q2').expect(200);
    expect(figures.body.rows).toEqual([
      row('city', {}),
      row('street', {}),
      row('community', {
        meetingsHeld: 3,
        itemsRaised: 4,
        resolvedAtOwnLevel: 1,
        open: 1,
        escalated: 2,
        escalatedAnswered: 1,
        escalatedResolved: 1,
        pending: 1,
        overdue: 1,
      }),
      row('compound', {
        meetingsHeld: 3,
        itemsRaised: 4,
        resolvedAtOwnLevel: 2,
        open: 1,
        escalated: 1,
        escalatedAnswered: 1,
        pending: 1,
      }),
      row('building', {}),
      row('total', {
        meetingsHeld: 6,
        itemsRaised: 8,
        resolvedAtOwnLevel: 3,
        open: 2,
        escalated: 3,
        escalatedAnswered: 2,
        escalatedResolved: 1,
        pending: 2,
        overdue: 1,
      }),
    ]);
    // A department sees no unit: all zero.
    const department = await agentFor(h.app, h.db.prisma, 'department');
    const none = await department.get('/api/supervision/figures?period=2026-Q2').expect(200);
    expect(none.body.rows.at(-1)).toEqual(row('total', {}));
    await c.M1.get('/api/supervision/escalations').expect(403);
  });

  test('escalation rules are data: a change applies to escalations made from then on', async () => {
    const rules = await c.P1.get('/api/escalation-rules').expect(200);
    expect(
      rules.body.items.map((r: any) => [r.level, r.scheduleWithinDays, r.answerWithinDays, r.reminderLadder]),
    ).toEqual([
      ['city', 20, 30, [3, 1]],
      ['street', 15, 20, [3, 1]],
      ['community', 10, 15, [3, 1]],
      ['compound', 5, 10, [3, 1]],
      ['building', 5, 10, [3, 1]],
    ]);
    const rule = {
      scheduleWithinDays: 3,
      answerWithinDays: 5,
      reminderLadder: [1],
      supervisorAfterDays: 1,
      autoEscalateAfterDays: null,
      confirmWithinDays: 3,
    };
    await c.M1.put('/api/escalation-rules/community').send(rule).expect(403);
    const bad = await supervisor
      .put('/api/escalation-rules/community')
      .send({ ...rule, answerWithinDays: 2 })
      .expect(400);
    expect(errorOf(bad).field).toBe('answerWithinDays');
    await supervisor.put('/api/escalation-rules/province').send(rule).expect(400);
    const saved = await supervisor.put('/api/escalation-rules/community').send(rule).expect(200);
    expect(saved.body).toMatchObject({ level: 'community', ...rule });

    // Monday 2026-07-20: 3 and 5 working days on.
    await meeting('P1', '2026-07-20', [{ title: 'p1f' }]);
    const res = await escalate('P1', 'p1f');
    expect(res.body.escalations[0]).toMatchObject({ scheduleBy: '2026-07-23', answerBy: '2026-07-27' });
    // Earlier escalations keep their deadlines.
    expect((await supervisor.get(`/api/agenda-items/${ids.p2a}`).expect(200)).body.escalations[0].answerBy).toBe(
      '2026-08-10',
    );
    const audit = await supervisor.get('/api/audit?entity=escalationRule&entityId=community').expect(200);
    expect(audit.body.items[0]).toMatchObject({ action: 'rule.change', after: { level: 'community', ...rule } });
  });
});
