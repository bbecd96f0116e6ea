/** The employer's receipt page of a quarterly feedback: opens without a login (owner while being built: H4). */
export function ReceiptPage({ token }: { token: string }) {
  void token;
  return null;
}
