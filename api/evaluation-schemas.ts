/**
 * Request schemas of the year-end evaluation (考核评分): starting a year's campaigns, listing
 * them, recording a ballot (each paired department scored once, 0–100) and the annual results.
 */
import { z } from 'zod';
import { page } from './schemas';

export const RATER_KINDS = ['party_member', 'resident'] as const;
export type RaterKind = (typeof RATER_KINDS)[number];

export const RATER_KIND_NAMES: Record<RaterKind, { zh: string; en: string }> = {
  party_member: { zh: '党员', en: 'Party member' },
  resident: { zh: '居民', en: 'resident' },
};

export const CAMPAIGN_STATUSES = ['scheduled', 'open', 'closed', 'cancelled'] as const;

const year = z.number().int().min(2000).max(2100);
const yearParam = z.coerce.number().int().min(2000).max(2100);

export const campaignsInput = z.object({ year }).strict();

export const evaluationListQuery = z.object({
  year: yearParam.optional(),
  communityId: z.string().min(1).max(100).optional(),
  streetId: z.string().min(1).max(100).optional(),
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  ...page,
});

export const evaluationResultsQuery = z.object({
  year: yearParam.optional().describe('缺省为本年 / Defaults to the current year'),
});

export const ballotScore = z
  .object({
    departmentId: z.string().min(1).max(100),
    score: z.number().int('得分应为整数 / A whole number').min(0).max(100),
  })
  .strict();

/** Who the ballot is by; a rater user's own ballot has no raterRef (their login identifies them). */
const raterRef = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('评分人身份证号或手机号（只保存其摘要） / The rater’s ID or phone number (only a digest of it is kept)');

export const ballotInput = z
  .object({
    raterKind: z.enum(RATER_KINDS),
    raterName: z.string().trim().min(1).max(100).optional(),
    raterRef: raterRef.optional(),
    scores: z.array(ballotScore).min(1).max(50),
  })
  .strict();

/**
 * The identity of a rater entered on paper, normalised: spaces, hyphens, dots and brackets go,
 * letters are upper case (the ID's final X), a mainland phone number loses its +86 / 0086.
 * Null when it is neither an ID nor a phone number (4 to 32 letters and digits).
 */
export function normaliseRaterRef(ref: string): string | null {
  let s = ref.replace(/[\s\-().]/g, '').toUpperCase();
  const phone = /^(?:\+?86|0086)(1\d{10})$/.exec(s);
  if (phone) s = phone[1]!;
  return /^[0-9A-Z]{4,32}$/.test(s) ? s : null;
}
