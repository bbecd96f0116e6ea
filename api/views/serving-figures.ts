/** The third entry's figures as the contract answers them (api/contract/serving-figures.ts): minutes with their hours. */
import type { z } from 'zod';
import { hoursOf } from '../../domain/serving';
import type { ServingCounts } from '../../records/serving-figures';
import type { ServingFigureRow, ServingFiguresResult } from '../../services/serving-figures';
import type { servingFigureCounts, servingFigureRow, servingFigures } from '../contract/serving-figures';

export type ServingFiguresView = z.infer<typeof servingFigures>;

function countsView(c: ServingCounts): z.infer<typeof servingFigureCounts> {
  return {
    employers: c.employers,
    members: c.members,
    needsPublished: c.needsPublished,
    needsClaimed: c.needsClaimed,
    needsDone: c.needsDone,
    services: c.services,
    minutes: c.minutes,
    hours: Number(hoursOf(c.minutes)),
    membersBelowMinimum: c.membersBelowMinimum,
  };
}

function rowView(r: ServingFigureRow): z.infer<typeof servingFigureRow> {
  return {
    unitId: r.unitId,
    code: r.code,
    name: r.name,
    streetId: r.streetId,
    streetName: r.streetName,
    ...countsView(r),
  };
}

export function servingFiguresView(f: ServingFiguresResult): ServingFiguresView {
  return {
    year: f.year,
    asOf: f.asOf,
    from: f.from,
    to: f.to,
    participation: f.participation,
    communities: f.communities.map(rowView),
    streets: f.streets.map(rowView),
    total: countsView(f.total),
    employersWithoutCommunity: f.employersWithoutCommunity,
  };
}
