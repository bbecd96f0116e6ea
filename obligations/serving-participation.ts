/**
 * STUB (H2's branch only): the participation obligation of each member is H3's; the lead takes
 * H3's file at merge. Only the signature H2 calls is here.
 */
import type { Obligations } from './gateway';

/** Tell the member's participation obligation that a service counts in a period (no-op stub). */
export function tellServiceRecorded(
  gw: Obligations,
  v: { memberId: string; serviceId: string; periodKey: string },
): Promise<boolean> {
  void gw;
  void v;
  return Promise.resolve(true);
}
