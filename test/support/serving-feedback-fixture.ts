/**
 * Employers, members and service records for the feedback tests, written straight into the record
 * (the registration and needs APIs are other parts of the third entry).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { Workbook } from 'exceljs';

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export async function createCommunity(prisma: PrismaClient, tag: string, name = '碧海社区') {
  return prisma.unit.create({
    data: {
      code: `bihai-${tag}-${randomUUID().slice(0, 4)}`,
      name,
      level: 'community',
      convenerName: '李书记',
      convenerEmail: `li-${tag}@example.org`,
    },
  });
}

export async function createEmployer(
  prisma: PrismaClient,
  tag: string,
  code: string,
  name: string,
  communityId?: string,
) {
  return prisma.servingEmployer.create({
    data: {
      code: `${code}-${tag}`,
      name,
      partyOrgName: `${name}机关党支部`,
      contactName: `${name}联络人`,
      contactEmail: `${code}-${tag}@example.org`,
      communityId: communityId ?? null,
      registeredOn: day('2026-01-05'),
    },
  });
}

/** A member with a fresh random mobile number (unique). */
export async function createMember(
  prisma: PrismaClient,
  m: { name: string; communityId: string; employerId: string; registeredOn?: string; removedAt?: Date },
) {
  return prisma.servingMember.create({
    data: {
      name: m.name,
      communityId: m.communityId,
      employerId: m.employerId,
      phone: `13${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`,
      registeredOn: day(m.registeredOn ?? '2026-02-01'),
      removedAt: m.removedAt ?? null,
    },
  });
}

export async function createService(
  prisma: PrismaClient,
  s: { memberId: string; communityId: string; servedOn: string; minutes: number; what: string },
) {
  return prisma.serviceRecord.create({
    data: { ...s, servedOn: day(s.servedOn), confirmedBy: '王主任', recordedBy: 'convener:test' },
  });
}

/** A workbook's sheets as rows of cell values (1-based columns dropped: index 0 is column A). */
export async function readWorkbook(content: Buffer): Promise<Map<string, unknown[][]>> {
  const book = new Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** The receipt token in a mail's text (its link /receipts/<token>). */
export function tokenIn(text: string): string {
  const m = /\/receipts\/([A-Za-z0-9_-]{43})/.exec(text);
  if (!m) throw new Error('No receipt link in the mail');
  return m[1]!;
}
