/**
 * The third entry's workflows for `npm run histories:record` (scripts/record-histories.ts calls
 * this inside its worker's run): a claim nobody confirms (the member, then the community), a
 * member's participation period with a service recorded and the period closed, and a community's
 * quarterly feedback to two employers, one confirming its receipt and one reminded and escalated.
 * Returns each workflow's first run (its history up to continue-as-new).
 */
import type { PrismaClient } from '@prisma/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { addDays, shanghaiDateOf } from '../domain/period';
import { needClaimWorkflowId, servingFeedbackWorkflowId, servingParticipationWorkflowId } from '../domain/workflow-ids';
import { dbDate } from '../records/agenda-items';
import { needClaimWorkflow } from '../workflows/need-claim';
import { receiptConfirmedSignal, servingFeedbackWorkflow } from '../workflows/serving-feedback';
import { serviceRecordedSignal, servingParticipationWorkflow } from '../workflows/serving-participation';

export const SERVING_HISTORIES = ['need-claim-unconfirmed', 'serving-participation-period', 'serving-feedback-quarter'];

const DAY_MS = 86_400_000;

/** The record the three runs read: two employers, two members of one community, a need and its claim. */
async function servingRecord(prisma: PrismaClient, communityId: string, now: number) {
  const today = shanghaiDateOf(now);
  const registeredOn = dbDate(today);
  const employer = (code: string, name: string) =>
    prisma.servingEmployer.create({
      data: {
        code,
        name,
        partyOrgName: `${name}党支部`,
        contactName: `${name}联系人`,
        contactEmail: `${code}@example.org`,
        communityId,
        registeredOn,
      },
    });
  const tax = await employer('emp-tax', '税务局');
  const port = await employer('emp-port', '港务集团');
  const member = (name: string, employerId: string, phone: string, email: string) =>
    prisma.servingMember.create({ data: { name, communityId, employerId, phone, email, registeredOn } });
  const zhang = await member('张党员', tax.id, '13900000001', 'zhang@example.org');
  const liu = await member('刘党员', port.id, '13900000002', 'liu@example.org');
  const need = await prisma.serviceNeed.create({
    data: {
      communityId,
      title: '为独居老人理发',
      category: 'elderly_care',
      neededOn: dbDate(addDays(today, 1)),
      slots: 2,
      claimBy: registeredOn,
      publishedBy: 'convener:li',
    },
  });
  const claim = await prisma.needClaim.create({
    data: { needId: need.id, memberId: liu.id, claimedAt: new Date(now) },
  });
  return { tax, port, zhang, liu, claim };
}

export async function recordServingHistories(
  env: TestWorkflowEnvironment,
  prisma: PrismaClient,
  taskQueue: string,
  communityId: string,
): Promise<Record<string, unknown>> {
  const now = () => env.currentTimeMs();
  const r = await servingRecord(prisma, communityId, await now());
  const claim = await env.client.workflow.start(needClaimWorkflow, {
    workflowId: needClaimWorkflowId(r.claim.id),
    taskQueue,
    args: [{ claimId: r.claim.id }],
  });
  const participation = await env.client.workflow.start(servingParticipationWorkflow, {
    workflowId: servingParticipationWorkflowId(r.zhang.id),
    taskQueue,
    args: [{ memberId: r.zhang.id }],
  });
  const feedback = await env.client.workflow.start(servingFeedbackWorkflow, {
    workflowId: servingFeedbackWorkflowId(communityId),
    taskQueue,
    args: [{ communityId }],
  });
  // A service on Zhang's card a day later (the participation hears of it).
  await env.sleep('1 day');
  const servedOn = shanghaiDateOf(await now());
  const service = await prisma.serviceRecord.create({
    data: {
      memberId: r.zhang.id,
      communityId,
      servedOn: dbDate(servedOn),
      minutes: 90,
      what: '入户走访',
      confirmedBy: '李书记',
      recordedBy: 'convener:li',
    },
  });
  await participation.signal(serviceRecordedSignal, { serviceId: service.id, servedOn });
  const confirmTaxReceipt = async () => {
    const receipt = await prisma.serviceFeedback.findFirst({
      where: { communityId, employerId: r.tax.id, sentAt: { not: null } },
    });
    if (!receipt) return false;
    await prisma.serviceFeedback.update({
      where: { id: receipt.id },
      data: { confirmedAt: new Date(await now()), confirmedBy: '税务局联系人' },
    });
    await feedback.signal(receiptConfirmedSignal, { employerId: r.tax.id, periodKey: receipt.periodKey });
    return true;
  };
  // Day by day: the claim is never confirmed (the member, then the community are told); once the
  // quarter's feedback is out the tax bureau confirms its receipt, the port never does (reminded,
  // then the office); until the claim ended and both other first runs continued as new.
  const firstRunOver = async (h: { workflowId: string; firstExecutionRunId: string }) =>
    (await env.client.workflow.getHandle(h.workflowId, h.firstExecutionRunId).describe()).status.name !== 'RUNNING';
  let confirmed = false;
  for (let day = 0; day < 400; day++) {
    if (!confirmed) confirmed = await confirmTaxReceipt();
    if (
      confirmed &&
      (await firstRunOver(claim)) &&
      (await firstRunOver(participation)) &&
      (await firstRunOver(feedback))
    )
      break;
    await env.sleep(DAY_MS);
  }
  await claim.result();
  const histories: Record<string, unknown> = {};
  for (const [name, handle] of [
    ['need-claim-unconfirmed', claim],
    ['serving-participation-period', participation],
    ['serving-feedback-quarter', feedback],
  ] as const) {
    const firstRun = env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId);
    histories[name] = temporal.api.history.v1.History.fromObject(await firstRun.fetchHistory()).toJSON();
  }
  return histories;
}
