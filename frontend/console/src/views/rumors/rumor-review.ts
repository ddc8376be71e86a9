import type { Role } from '../../session';

export type Stage = 'POLITICAL' | 'SCIENTIFIC' | 'FINAL';

/** Who signs each stage: 一审, 二审 (an expert of the item's topics, checked by the server), 终审. */
export const STAGE_SIGNERS: Record<Stage, Role> = { POLITICAL: 'REVIEWER_POLITICAL', SCIENTIFIC: 'REVIEWER_SCIENTIFIC', FINAL: 'APPROVER' };
export const EDITORS: readonly Role[] = ['EDITOR', 'ADMIN'];

interface ItemState {
  status?: string;
  stage?: string;
  submittedBy?: string;
}

interface Viewer {
  username?: string;
  roles?: readonly Role[];
}

/**
 * Which part of the item page a viewer gets: the decision form (the signer of the current stage, not the one who
 * submitted), a note that someone else signs now, or nothing to decide.
 */
export function decisionMode(item: ItemState | null | undefined, viewer: Viewer | null | undefined): 'decide' | 'own' | 'other' | 'none' {
  if (!item || item.status !== 'REVIEW' || !item.stage) {
    return 'none';
  }
  const signer = STAGE_SIGNERS[item.stage as Stage];
  if (!signer || !(viewer?.roles ?? []).includes(signer)) {
    return 'other';
  }
  return viewer?.username && viewer.username === item.submittedBy ? 'own' : 'decide';
}

export function isEditor(viewer: Viewer | null | undefined): boolean {
  return (viewer?.roles ?? []).some((role) => EDITORS.includes(role));
}

/** Editors change an item unless it is being reviewed; they send drafts and refused items (again) to review. */
export function editorActions(item: ItemState | null | undefined, viewer: Viewer | null | undefined): { edit: boolean; submit: boolean } {
  if (!item || !isEditor(viewer)) {
    return { edit: false, submit: false };
  }
  return { edit: item.status !== 'REVIEW', submit: item.status === 'DRAFT' || item.status === 'REJECTED' };
}


/** A match score (0..1) as a whole percentage for people. */
export function percent(score: number | undefined): number {
  if (score === undefined || Number.isNaN(score)) {
    return 0;
  }
  return Math.round(Math.min(1, Math.max(0, score)) * 100);
}

/** Newest first by an ISO time (offsets allowed); undated last. */
export function newestFirst<T>(lines: readonly T[], time: (line: T) => string | undefined): T[] {
  const at = (line: T) => Date.parse(time(line) ?? '') || 0;
  return [...lines].sort((a, b) => at(b) - at(a));
}
