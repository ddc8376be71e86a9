import type { components } from '../../api/schema';

export type RumorForm = components['schemas']['RumorForm'];
export type RumorItem = components['schemas']['RumorItem'];
export type Verdict = NonNullable<RumorForm['verdict']>;

export const VERDICTS: readonly Verdict[] = ['RUMOR', 'INACCURATE', 'DISPUTED', 'TRUE'];
export const TRUTH_MAX = 200;
export const SLUG_PATTERN = '[a-z0-9][a-z0-9\\-]{0,79}';

export interface AppearanceRow { where: string; url: string }
export interface EvidenceRow { title: string; publisher: string; url: string }

/** What the editor's fields hold: plain strings, so that every input can bind to one. */
export interface RumorFormState {
  slug: string;
  claim: string;
  verdict: Verdict | '';
  truth: string;
  explanation: string;
  firstSeen: string;
  appearances: AppearanceRow[];
  evidence: EvidenceRow[];
  topics: string[];
  column: string;
  rebuttalWork: string;
}

export function emptyAppearance(): AppearanceRow {
  return { where: '', url: '' };
}

export function emptyEvidence(): EvidenceRow {
  return { title: '', publisher: '', url: '' };
}

/** A blank form; {@code claim} comes from a citizen's clue when the item is made from one. */
export function emptyState(claim = ''): RumorFormState {
  return {
    slug: '', claim, verdict: '', truth: '', explanation: '', firstSeen: '',
    appearances: [emptyAppearance()], evidence: [emptyEvidence()], topics: [], column: '', rebuttalWork: ''
  };
}

/** The fields of a saved item, to edit it. */
export function stateOf(item: RumorItem): RumorFormState {
  const appearances = (item.appearances ?? []).map((each) => ({ where: each.where ?? '', url: each.url ?? '' }));
  const evidence = (item.evidence ?? []).map((each) => ({ title: each.title ?? '', publisher: each.publisher ?? '', url: each.url ?? '' }));
  return {
    slug: item.slug ?? '',
    claim: item.claim ?? '',
    verdict: item.verdict ?? '',
    truth: item.truth ?? '',
    explanation: item.explanation ?? '',
    firstSeen: item.firstSeen ?? '',
    appearances: appearances.length ? appearances : [emptyAppearance()],
    evidence: evidence.length ? evidence : [emptyEvidence()],
    topics: [...(item.topics ?? [])],
    column: item.column ?? '',
    rebuttalWork: item.rebuttalWork ?? ''
  };
}

const blankToUndefined = (value: string): string | undefined => (value.trim() ? value.trim() : undefined);

/**
 * The request body: texts trimmed, empty rows and optional blank fields left out. Required fields go as typed
 * (possibly empty) so that the server names what is missing in its own words.
 */
export function toRumorForm(state: RumorFormState): RumorForm {
  return {
    slug: blankToUndefined(state.slug),
    claim: state.claim.trim(),
    verdict: state.verdict || undefined,
    truth: state.truth.trim(),
    explanation: normaliseParagraphs(state.explanation),
    firstSeen: blankToUndefined(state.firstSeen),
    appearances: state.appearances
      .filter((row) => row.where.trim())
      .map((row) => ({ where: row.where.trim(), url: blankToUndefined(row.url) })),
    evidence: state.evidence
      .filter((row) => row.title.trim())
      .map((row) => ({ title: row.title.trim(), publisher: blankToUndefined(row.publisher), url: blankToUndefined(row.url) })),
    topics: [...new Set(state.topics.map((topic) => topic.trim()).filter(Boolean))],
    column: blankToUndefined(state.column),
    rebuttalWork: blankToUndefined(state.rebuttalWork)
  };
}

/** Paragraphs are separated by one blank line: trims each, drops empty ones and Windows line ends. */
export function normaliseParagraphs(text: string): string {
  return paragraphs(text).join('\n\n');
}

export function paragraphs(text: string | undefined): string[] {
  return (text ?? '').replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);
}
