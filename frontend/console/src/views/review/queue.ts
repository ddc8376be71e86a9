/** A line of the review queue (generated types leave every property optional). */
export interface QueueLine {
  id?: string;
  work?: string;
  workTitle?: string;
  organisation?: string;
  kind?: string;
  revision?: number;
  currentStage?: 'POLITICAL' | 'SCIENTIFIC' | 'FINAL';
  assignedTo?: string;
  submittedAt?: string;
  screenHits?: number;
}

export interface QueueFilter {
  stage?: string;
  kind?: string;
  organisation?: string;
  text?: string;
  withHits?: boolean;
}

/** The API answers the whole queue (at most 100 cases); the filters narrow it in the page. */
export function filterQueue(lines: readonly QueueLine[], filter: QueueFilter): QueueLine[] {
  const text = (filter.text ?? '').trim().toLowerCase();
  return lines.filter((line) => (!filter.stage || line.currentStage === filter.stage)
    && (!filter.kind || line.kind === filter.kind)
    && (!filter.organisation || line.organisation === filter.organisation)
    && (!filter.withHits || (line.screenHits ?? 0) > 0)
    && (!text || (line.workTitle ?? '').toLowerCase().includes(text)));
}

/** The distinct values of a property, sorted, for a filter's options. */
export function choices(lines: readonly QueueLine[], key: 'kind' | 'organisation' | 'currentStage'): string[] {
  return [...new Set(lines.map((line) => line[key]).filter((value): value is NonNullable<typeof value> => !!value))].sort();
}

/** How long a case has waited, in whole units: days past a day, hours past an hour, else minutes. */
export function waited(submittedAt: string | undefined, now: number): { unit: 'days' | 'hours' | 'minutes'; count: number } | null {
  if (!submittedAt) {
    return null;
  }
  const since = Date.parse(submittedAt);
  if (Number.isNaN(since)) {
    return null;
  }
  const minutes = Math.max(0, Math.floor((now - since) / 60000));
  if (minutes >= 24 * 60) {
    return { unit: 'days', count: Math.floor(minutes / (24 * 60)) };
  }
  if (minutes >= 60) {
    return { unit: 'hours', count: Math.floor(minutes / 60) };
  }
  return { unit: 'minutes', count: minutes };
}

/** Oldest first: who waited longest is served first. */
export function oldestFirst(lines: readonly QueueLine[]): QueueLine[] {
  const time = (line: QueueLine) => Date.parse(line.submittedAt ?? '') || 0;
  return [...lines].sort((a, b) => time(a) - time(b));
}
