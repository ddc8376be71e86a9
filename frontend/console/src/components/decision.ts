/** A reason is needed unless approving. */
export function reasonMissing(verdict: string, reason: string): boolean {
  return verdict !== 'APPROVE' && !reason.trim();
}
