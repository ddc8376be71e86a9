import type { components } from '../../api/schema';

export type Publication = components['schemas']['PublicationView'];

/** States a publication moves through; PUBLISHED and FAILED end it. */
export const PUBLICATION_STATUSES = ['QUEUED', 'DRAFTING', 'DRAFTED', 'SUBMITTING', 'PUBLISHING', 'PUBLISHED', 'FAILED'] as const;

/** The publications of one series, newest first. */
export function publicationsOf(all: readonly Publication[], seriesId: string): Publication[] {
  return all
    .filter((publication) => publication.kind?.toUpperCase() === 'SERIES' && publication.subject === seriesId)
    .sort((a, b) => (Date.parse(b.createdAt ?? '') || 0) - (Date.parse(a.createdAt ?? '') || 0));
}

/** Only a failed publication is retried; one under way or done is left alone. */
export function retryable(publication: Publication): boolean {
  return publication.status === 'FAILED';
}

/** A new publication unless one is under way (the server answers with that one anyway). */
export function canPublish(publications: readonly Publication[]): boolean {
  return !publications.some((publication) => publication.status !== 'PUBLISHED' && publication.status !== 'FAILED');
}

export function statusTone(status: string | undefined): 'ok' | 'danger' | 'warn' {
  return status === 'PUBLISHED' ? 'ok' : status === 'FAILED' ? 'danger' : 'warn';
}
