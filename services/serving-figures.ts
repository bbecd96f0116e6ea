/**
 * The third entry's figures for a year (the desk's panel, the community's section, the XLSX): per
 * community, per street and for the city — registered employers and members, needs published /
 * claimed / done, services and their hours, members below the minimum in the participation period
 * (the rule is data: records/serving-rule.ts). Only the communities the caller may read count.
 */
import { type Caller, isRecordId, readableUnitIds } from '../records/scope';
import { loadServingRule } from '../records/serving-rule';
import {
  type CommunityUnit,
  figuresUnit,
  loadServingCounts,
  servingCommunities,
  type ServingCounts,
  unitNamesOf,
  ZERO_COUNTS,
} from '../records/serving-figures';
import { type LocalDate, periodFromKey, periodOfDate, shanghaiDateOf } from '../domain/period';
import { ServiceError } from './errors';
import type { ServiceDeps } from './deps';

export interface ServingFiguresInput {
  year?: number;
  /** One community (id or code). */
  communityId?: string;
  /** The communities of one street (id or code). */
  streetId?: string;
}

export interface ServingFigureRow extends ServingCounts {
  unitId: string;
  code: string;
  name: string;
  streetId: string | null;
  streetName: string | null;
}

export interface ServingFiguresResult {
  year: number;
  asOf: LocalDate;
  from: LocalDate;
  to: LocalDate;
  participation: { period: string; from: LocalDate; to: LocalDate; minServices: number };
  communities: ServingFigureRow[];
  streets: ServingFigureRow[];
  /** The communities counted, plus (for the whole city) the employers registered without a community. */
  total: ServingCounts;
  employersWithoutCommunity: number;
}

function add(into: ServingCounts, c: ServingCounts): void {
  for (const k of Object.keys(ZERO_COUNTS) as (keyof ServingCounts)[]) into[k] += c[k];
}

/** The communities in the caller's scope narrowed by the filters (404 outside it, 400 for the wrong level). */
async function communitiesFor(
  deps: Pick<ServiceDeps, 'prisma'>,
  caller: Caller,
  input: ServingFiguresInput,
): Promise<{ communities: CommunityUnit[]; wholeCity: boolean }> {
  const readable = await readableUnitIds(deps.prisma, caller);
  let communities = await servingCommunities(deps.prisma, readable);
  const narrow = async (field: 'communityId' | 'streetId', level: 'community' | 'street') => {
    const ref = input[field];
    if (ref === undefined) return;
    const unit = await figuresUnit(deps.prisma, ref, isRecordId(ref));
    const what = level === 'community' ? 'Community' : 'Street';
    if (!unit || (readable !== 'all' && !readable.has(unit.id) && level === 'community')) {
      throw ServiceError.notFound(`${what} ${ref}`);
    }
    if (unit.level !== level) throw ServiceError.badRequest(`query.${field}`, `${ref} is not a ${level}`);
    communities = communities.filter((c) => (level === 'community' ? c.id === unit.id : c.streetId === unit.id));
    // A street of which the caller reads nothing is not found either.
    if (readable !== 'all' && !readable.has(unit.id) && communities.length === 0) {
      throw ServiceError.notFound(`${what} ${ref}`);
    }
  };
  await narrow('communityId', 'community');
  await narrow('streetId', 'street');
  const wholeCity = readable === 'all' && input.communityId === undefined && input.streetId === undefined;
  return { communities, wholeCity };
}

export async function servingFigures(
  deps: Pick<ServiceDeps, 'prisma' | 'clock'>,
  caller: Caller,
  input: ServingFiguresInput,
): Promise<ServingFiguresResult> {
  const today = shanghaiDateOf(deps.clock());
  const year = input.year ?? Number(today.slice(0, 4));
  const span = periodFromKey(String(year));
  // Registrations as of today, or the year's last day for a past year.
  const asOf = today < span.lastDay ? today : span.lastDay;
  const rule = await loadServingRule(deps.prisma);
  const participation = periodOfDate(asOf < span.firstDay ? span.firstDay : asOf, rule.participationPeriod);
  const { communities, wholeCity } = await communitiesFor(deps, caller, input);

  const { byCommunity, employersWithoutCommunity } = await loadServingCounts(
    deps.prisma,
    communities.map((c) => c.id),
    {
      asOf,
      from: span.firstDay,
      to: span.lastDay,
      participation: { from: participation.firstDay, to: participation.lastDay, minServices: rule.minServices },
    },
  );
  const streetIds = [...new Set(communities.flatMap((c) => (c.streetId ? [c.streetId] : [])))];
  const streetNames = await unitNamesOf(deps.prisma, streetIds);
  const rows = communities.map((c): ServingFigureRow => ({
    unitId: c.id,
    code: c.code,
    name: c.name,
    streetId: c.streetId,
    streetName: c.streetId ? (streetNames.get(c.streetId)?.name ?? null) : null,
    ...(byCommunity.get(c.id) ?? ZERO_COUNTS),
  }));
  const streets = new Map<string, ServingFigureRow>();
  const total = { ...ZERO_COUNTS };
  for (const r of rows) {
    add(total, r);
    if (!r.streetId) continue;
    const s = streets.get(r.streetId) ?? {
      unitId: r.streetId,
      code: streetNames.get(r.streetId)?.code ?? '',
      name: r.streetName ?? '',
      streetId: r.streetId,
      streetName: r.streetName,
      ...ZERO_COUNTS,
    };
    add(s, r);
    streets.set(r.streetId, s);
  }
  const outside = wholeCity ? employersWithoutCommunity : 0;
  total.employers += outside;
  return {
    year,
    asOf,
    from: span.firstDay,
    to: span.lastDay,
    participation: {
      period: participation.key,
      from: participation.firstDay,
      to: participation.lastDay,
      minServices: rule.minServices,
    },
    communities: rows,
    streets: [...streets.values()].sort((a, b) => a.code.localeCompare(b.code)),
    total,
    employersWithoutCommunity: outside,
  };
}
