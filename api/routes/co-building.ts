/**
 * Community co-building (社区联建, one of the three links): each community's co-building body
 * (社区联建治理服务共同体) with its four functions, the units stationed in the community that
 * joined it, their commitment letters (驻社区单位承诺书: people, goods or money pledged) and the
 * practical things done (办实事) — and the totals the liaison office reports ("18 co-building
 * communities, 109 member units, 450+ practical things done, 700k+ yuan"), as JSON and as an XLSX
 * ledger (台账). Money is yuan in the API and fen (分) in the record.
 */
import { type Response, Router } from 'express';
import { Prisma, type Unit } from '@prisma/client';
import { Workbook } from 'exceljs';
import { DATE_FORMAT, DATETIME_FORMAT, excelDate, excelDateTime, fitColumns, formatColumns } from '../xlsx';
import type { z } from 'zod';
import { shanghaiDateOf } from '../../domain/period';
import { actorOf, allow, caller } from '../auth';
import {
  CO_BUILDING_FUNCTIONS,
  coBuildingBodyInput,
  coBuildingMemberInput,
  coBuildingSummaryQuery,
  commitmentInput,
  PLEDGE_KINDS,
  practicalThingInput,
} from '../contract/co-building';
import {
  bodyInclude,
  bodyView,
  commitmentView,
  knownValues,
  type MemberRecord,
  memberView,
  thingView,
} from '../views/co-building';
import { ApiError, parseInput } from '../errors';
import { XLSX_TYPE } from '../contract/types';
import { fenToYuan, yuanToFen } from '../../domain/co-building';
import { canRead, canWrite, readableUnitIds } from '../../records/scope';
import { type ApiDeps } from '../deps';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const dbDate = (d: string) => new Date(`${d}T00:00:00Z`);

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export function coBuildingRouter({ prisma, clock }: ApiDeps): Router {
  const router = Router();
  const today = () => shanghaiDateOf(clock());

  /** A date in the record must have come: not after today (Asia/Shanghai). */
  function notInFuture(field: string, date: string): void {
    const now = today();
    if (date > now) {
      throw ApiError.badRequest(field, `日期不得晚于今天（${now}） / Not in the future (today is ${now})`);
    }
  }

  /**
   * A unit by id or code as the caller may see it: removed or outside their scope it is not
   * found; to write, it must be their own unit (or the caller an admin).
   */
  async function findUnit(ref: string, res: Response, mode: 'read' | 'write'): Promise<Unit> {
    const unit = await prisma.unit.findFirst({
      where: UUID.test(ref) ? { id: ref, removedAt: null } : { code: ref, removedAt: null },
    });
    const who = caller(res);
    if (!unit || !(await canRead(prisma, who, unit))) throw ApiError.notFound(`Unit ${ref}`);
    if (mode === 'write' && !canWrite(who, unit)) {
      throw new ApiError(
        403,
        'forbidden',
        `只有 ${unit.name} 的召集人（或管理员）可以登记社区联建 / Only the convener of ${unit.code} (or an admin) may record its co-building`,
      );
    }
    return unit;
  }

  async function bodyOf(unit: Unit) {
    const body = await prisma.coBuildingBody.findUnique({ where: { communityId: unit.id } });
    if (!body) throw ApiError.notFound(`Co-building body of ${unit.code}`);
    return body;
  }

  const loadView = async (bodyId: string) =>
    bodyView(await prisma.coBuildingBody.findUniqueOrThrow({ where: { id: bodyId }, include: bodyInclude }));

  /** Create or update the community's co-building body (PUT: the same again changes nothing). */
  router.put('/units/:unitRef/co-building', allow('admin', 'convener'), async (req, res) => {
    const unit = await findUnit(String(req.params.unitRef), res, 'write');
    if (unit.level !== 'community') {
      throw ApiError.badRequest(
        'path.unitRef',
        `联建共同体以社区为单位组建，${unit.code} 是 ${unit.level} / A co-building body belongs to a community; ${unit.code} is a ${unit.level}`,
      );
    }
    const input = parseInput(coBuildingBodyInput, req.body);
    const wanted = { name: input.name, functions: knownValues(input.functions, CO_BUILDING_FUNCTIONS) };
    const actor = actorOf(res);

    const save = async (): Promise<{ id: string; status: number }> => {
      const existing = await prisma.coBuildingBody.findUnique({ where: { communityId: unit.id } });
      if (!existing) {
        const created = await prisma.$transaction(async (tx) => {
          const body = await tx.coBuildingBody.create({ data: { communityId: unit.id, ...wanted } });
          await tx.auditEvent.create({
            data: {
              actor,
              action: 'coBuilding.create',
              entity: 'coBuildingBody',
              entityId: body.id,
              after: { communityId: unit.id, ...wanted },
            },
          });
          return body;
        });
        return { id: created.id, status: 201 };
      }
      const before = { name: existing.name, functions: knownValues(existing.functions, CO_BUILDING_FUNCTIONS) };
      if (JSON.stringify(before) !== JSON.stringify(wanted)) {
        await prisma.$transaction([
          prisma.coBuildingBody.update({ where: { id: existing.id }, data: wanted }),
          prisma.auditEvent.create({
            data: {
              actor,
              action: 'coBuilding.update',
              entity: 'coBuildingBody',
              entityId: existing.id,
              before,
              after: wanted,
            },
          }),
        ]);
      }
      return { id: existing.id, status: 200 };
    };

    // Two first PUTs at once: the second finds the first's body and updates it.
    const saved = await save().catch((err: unknown) => {
      if (isUniqueViolation(err)) return save();
      throw err;
    });
    res.status(saved.status).json(await loadView(saved.id));
  });

  router.get('/units/:unitRef/co-building', async (req, res) => {
    const unit = await findUnit(String(req.params.unitRef), res, 'read');
    res.json(await loadView((await bodyOf(unit)).id));
  });

  /** A unit stationed in the community joins its body; the same name again is the same member. */
  router.post('/units/:unitRef/co-building/members', allow('admin', 'convener'), async (req, res) => {
    const unit = await findUnit(String(req.params.unitRef), res, 'write');
    const body = await bodyOf(unit);
    const input = parseInput(coBuildingMemberInput, req.body);
    notInFuture('joinedOn', input.joinedOn);
    const wanted = {
      name: input.name,
      kind: input.kind,
      contactName: input.contactName ?? null,
      contactPhone: input.contactPhone ?? null,
      joinedOn: input.joinedOn,
    };
    const actor = actorOf(res);

    const sameOrConflict = (m: MemberRecord) => {
      const view = memberView(m);
      const stored = {
        name: view.name,
        kind: view.kind,
        contactName: view.contactName,
        contactPhone: view.contactPhone,
        joinedOn: view.joinedOn,
      };
      if (JSON.stringify(stored) !== JSON.stringify(wanted)) {
        throw ApiError.conflict(
          'duplicate',
          `${body.name} 已有成员单位“${m.name}”，内容不同 / ${m.name} is already a member with different details`,
          'name',
        );
      }
      res.status(200).json(view);
    };

    const existing = await prisma.coBuildingMember.findUnique({
      where: { bodyId_name: { bodyId: body.id, name: input.name } },
    });
    if (existing) return sameOrConflict(existing);
    let member: MemberRecord;
    try {
      member = await prisma.$transaction(async (tx) => {
        const created = await tx.coBuildingMember.create({
          data: { ...wanted, bodyId: body.id, joinedOn: dbDate(input.joinedOn) },
        });
        await tx.auditEvent.create({
          data: {
            actor,
            action: 'coBuildingMember.join',
            entity: 'coBuildingMember',
            entityId: created.id,
            after: { ...wanted, bodyId: body.id, communityId: unit.id },
          },
        });
        return created;
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // A concurrent twin created it first.
      const twin = await prisma.coBuildingMember.findUniqueOrThrow({
        where: { bodyId_name: { bodyId: body.id, name: input.name } },
      });
      return sameOrConflict(twin);
    }
    res.status(201).json(memberView(member));
  });

  /** A member unit's commitment letter: what it pledged (people, goods, money) and its value. */
  router.post('/co-building/members/:memberId/commitments', allow('admin', 'convener'), async (req, res) => {
    const id = String(req.params.memberId);
    const who = caller(res);
    const member = UUID.test(id)
      ? await prisma.coBuildingMember.findUnique({ where: { id }, include: { body: { include: { community: true } } } })
      : null;
    const community = member?.body.community;
    if (!member || !community || community.removedAt || !(await canRead(prisma, who, community))) {
      throw ApiError.notFound(`Co-building member ${id}`);
    }
    if (!canWrite(who, community)) {
      throw new ApiError(
        403,
        'forbidden',
        `只有 ${community.name} 的召集人（或管理员）可以登记承诺书 / Only the convener of ${community.code} (or an admin) may record commitments`,
      );
    }
    const input = parseInput(commitmentInput, req.body);
    notInFuture('signedOn', input.signedOn);
    const kinds = knownValues(input.kinds, PLEDGE_KINDS);
    const commitment = await prisma.$transaction(async (tx) => {
      const created = await tx.commitment.create({
        data: {
          memberId: member.id,
          pledge: input.pledge,
          kinds,
          valueFen: input.valueYuan === undefined ? null : yuanToFen(input.valueYuan),
          signedOn: dbDate(input.signedOn),
        },
      });
      await tx.auditEvent.create({
        data: {
          actor: actorOf(res),
          action: 'commitment.sign',
          entity: 'commitment',
          entityId: created.id,
          after: { ...input, kinds, memberId: member.id, bodyId: member.bodyId },
        },
      });
      return created;
    });
    res.status(201).json(commitmentView(commitment));
  });

  /** A practical thing done (办实事) by the body, or by one of its members. */
  router.post('/units/:unitRef/co-building/things', allow('admin', 'convener'), async (req, res) => {
    const unit = await findUnit(String(req.params.unitRef), res, 'write');
    const body = await bodyOf(unit);
    const input = parseInput(practicalThingInput, req.body);
    notInFuture('doneOn', input.doneOn);
    let memberName: string | null = null;
    if (input.memberId) {
      const member = await prisma.coBuildingMember.findFirst({ where: { id: input.memberId, bodyId: body.id } });
      if (!member) {
        throw ApiError.badRequest(
          'memberId',
          `${input.memberId} 不是 ${body.name} 的成员单位 / Not a member unit of this co-building body`,
        );
      }
      memberName = member.name;
    }
    const actor = actorOf(res);
    const thing = await prisma.$transaction(async (tx) => {
      const created = await tx.practicalThing.create({
        data: {
          bodyId: body.id,
          memberId: input.memberId ?? null,
          doneOn: dbDate(input.doneOn),
          description: input.description,
          valueFen: yuanToFen(input.valueYuan),
          recordedBy: actor,
        },
      });
      await tx.auditEvent.create({
        data: {
          actor,
          action: 'practicalThing.record',
          entity: 'practicalThing',
          entityId: created.id,
          after: { ...input, bodyId: body.id, communityId: unit.id },
        },
      });
      return created;
    });
    res.status(201).json(thingView(thing, memberName));
  });

  /** The totals over the caller's readable communities, per community, and the things done. */
  async function summarise(res: Response, q: z.infer<typeof coBuildingSummaryQuery>) {
    const readable = await readableUnitIds(prisma, caller(res));
    const bodies = await prisma.coBuildingBody.findMany({
      where: {
        community: {
          removedAt: null,
          ...(readable === 'all' ? {} : { id: { in: [...readable] } }),
          ...(q.streetId ? { streetId: q.streetId } : {}),
        },
      },
      include: { community: true },
      orderBy: [{ community: { code: 'asc' } }],
    });
    const bodyIds = bodies.map((b) => b.id);
    const within = q.year ? { gte: dbDate(`${q.year}-01-01`), lte: dbDate(`${q.year}-12-31`) } : undefined;
    const [members, commitments, things, streets] = await Promise.all([
      prisma.coBuildingMember.findMany({
        where: { bodyId: { in: bodyIds } },
        select: { id: true, bodyId: true, name: true },
      }),
      prisma.commitment.findMany({
        where: { member: { bodyId: { in: bodyIds } }, ...(within ? { signedOn: within } : {}) },
        select: { valueFen: true, member: { select: { bodyId: true } } },
      }),
      prisma.practicalThing.findMany({
        where: { bodyId: { in: bodyIds }, ...(within ? { doneOn: within } : {}) },
        orderBy: [{ doneOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      }),
      prisma.unit.findMany({
        where: {
          id: { in: [...new Set(bodies.flatMap((b) => (b.community.streetId ? [b.community.streetId] : [])))] },
        },
        select: { id: true, name: true },
      }),
    ]);
    const streetNames = new Map(streets.map((s) => [s.id, s.name]));
    const memberNames = new Map(members.map((m) => [m.id, m.name]));
    const communities = bodies.map((b) => {
      const own = commitments.filter((c) => c.member.bodyId === b.id);
      const done = things.filter((t) => t.bodyId === b.id);
      return {
        communityId: b.communityId,
        communityCode: b.community.code,
        communityName: b.community.name,
        streetId: b.community.streetId,
        streetName: b.community.streetId ? (streetNames.get(b.community.streetId) ?? null) : null,
        bodyId: b.id,
        bodyName: b.name,
        memberUnits: members.filter((m) => m.bodyId === b.id).length,
        commitments: own.length,
        pledgedFen: own.reduce((s, c) => s + (c.valueFen ?? 0), 0),
        thingsDone: done.length,
        valueFen: done.reduce((s, t) => s + t.valueFen, 0),
      };
    });
    const total = (pick: (c: (typeof communities)[number]) => number) => communities.reduce((s, c) => s + pick(c), 0);
    const bodiesById = new Map(bodies.map((b) => [b.id, b]));
    return {
      summary: {
        year: q.year ?? null,
        ...(q.streetId ? { streetId: q.streetId } : {}),
        asOf: today(),
        totals: {
          bodies: bodies.length,
          memberUnits: total((c) => c.memberUnits),
          commitments: total((c) => c.commitments),
          pledgedYuan: fenToYuan(total((c) => c.pledgedFen)),
          thingsDone: total((c) => c.thingsDone),
          valueYuan: fenToYuan(total((c) => c.valueFen)),
        },
        communities: communities.map(({ pledgedFen, valueFen, ...c }) => ({
          ...c,
          pledgedYuan: fenToYuan(pledgedFen),
          valueYuan: fenToYuan(valueFen),
        })),
      },
      things: things.map((t) => ({
        ...thingView(t, t.memberId ? (memberNames.get(t.memberId) ?? null) : null),
        body: bodiesById.get(t.bodyId)!,
      })),
    };
  }

  router.get('/co-building/summary', async (req, res) => {
    const q = parseInput(coBuildingSummaryQuery, req.query, 'query');
    res.json((await summarise(res, q)).summary);
  });

  /** The same as an Excel workbook: the totals and communities, then every thing done. */
  router.get('/co-building/summary.xlsx', async (req, res) => {
    const q = parseInput(coBuildingSummaryQuery, req.query, 'query');
    const { summary, things } = await summarise(res, q);
    const book = new Workbook();
    book.creator = 'donggang-governance';
    book.created = clock();
    const money = '#,##0.00';

    const sheet = book.addWorksheet('联建统计 Totals');
    sheet.addRow([`社区联建统计 / Co-building ${q.year ?? '（全部年份 all years）'}（截至 as of ${summary.asOf}）`]);
    sheet.addRow(['指标 Measure', '数值 Value']);
    const t = summary.totals;
    const measures: [string, number, boolean][] = [
      ['联建共同体 Co-building bodies', t.bodies, false],
      ['成员单位 Member units', t.memberUnits, false],
      ['承诺书 Commitment letters', t.commitments, false],
      ['承诺金额（元） Pledged (yuan)', t.pledgedYuan, true],
      ['办实事 Practical things done', t.thingsDone, false],
      ['实事价值（元） Value of things done (yuan)', t.valueYuan, true],
    ];
    for (const [name, value, isMoney] of measures) {
      const row = sheet.addRow([name, value]);
      if (isMoney) row.getCell(2).numFmt = money;
    }
    sheet.addRow([]);
    const header = sheet.addRow([
      '社区 Community',
      '街道 Street',
      '联建共同体 Body',
      '成员单位 Member units',
      '承诺书 Commitments',
      '承诺金额（元） Pledged (yuan)',
      '办实事 Things done',
      '实事价值（元） Value (yuan)',
    ]);
    for (const c of summary.communities) {
      const row = sheet.addRow([
        c.communityName,
        c.streetName ?? '',
        c.bodyName,
        c.memberUnits,
        c.commitments,
        c.pledgedYuan,
        c.thingsDone,
        c.valueYuan,
      ]);
      row.getCell(6).numFmt = money;
      row.getCell(8).numFmt = money;
    }
    const totalRow = sheet.addRow([
      '合计 Total',
      '',
      t.bodies,
      t.memberUnits,
      t.commitments,
      t.pledgedYuan,
      t.thingsDone,
      t.valueYuan,
    ]);
    totalRow.getCell(6).numFmt = money;
    totalRow.getCell(8).numFmt = money;
    for (const r of [sheet.getRow(2), header, totalRow]) r.font = { bold: true };
    fitColumns(sheet, { fromRow: 2, max: 40 });

    const ledger = book.addWorksheet('办实事台账 Things done');
    ledger.addRow([
      '日期 Date',
      '社区 Community',
      '联建共同体 Body',
      '成员单位 Member unit',
      '事项 Description',
      '价值（元） Value (yuan)',
      '记录人 Recorded by',
      '登记时间 Recorded at',
    ]);
    for (const thing of things) {
      const row = ledger.addRow([
        excelDate(thing.doneOn),
        thing.body.community.name,
        thing.body.name,
        thing.memberName ?? '',
        thing.description,
        thing.valueYuan,
        thing.recordedBy,
        excelDateTime(new Date(thing.createdAt)),
      ]);
      row.getCell(6).numFmt = money;
    }
    ledger.getRow(1).font = { bold: true };
    formatColumns(ledger, { 1: DATE_FORMAT, 8: DATETIME_FORMAT }, 2);
    fitColumns(ledger, { max: 48, freezeBelow: 1 });

    res.set('Content-Type', XLSX_TYPE);
    res.set('Content-Disposition', `attachment; filename="co-building-${q.year ?? 'all'}.xlsx"`);
    res.send(Buffer.from(await book.xlsx.writeBuffer()));
  });

  return router;
}
