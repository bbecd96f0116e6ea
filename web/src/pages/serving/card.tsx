/** An in-service Party member's service card (owner while being built: H2). */
export function ServiceCardPage({ memberId }: { memberId: string }) {
  void memberId;
  return null;
}
