/**
 * The participation obligation of each in-service Party member (`serving-participation:<memberId>`).
 * STUB by H1 until H3's real file is merged (H3 owns it): the registration acts call these with
 * exactly these signatures.
 */
import type { Obligations } from './gateway';

/** Start the participation obligations of these members; repeats are harmless. (Stub: does nothing.) */
export async function startParticipationObligations(gw: Obligations, memberIds: readonly string[]): Promise<void> {
  void gw;
  void memberIds;
  await Promise.resolve();
}

/** The member was removed: the participation obligation ends. (Stub: told nothing, answers true.) */
export async function tellMemberRemoved(gw: Obligations, memberId: string): Promise<boolean> {
  void gw;
  void memberId;
  return await Promise.resolve(true);
}
