import type { components } from '../../api/schema';

export type WorkKind = 'ARTICLE' | 'VIDEO' | 'ANIMATION' | 'AUDIO';
export type WorkStatus = NonNullable<components['schemas']['WorkListItem']['status']>;
export type WorkDraft = components['schemas']['WorkDraft'];
export type Revision = components['schemas']['Revision'];
export type Purpose = 'VIDEO' | 'ANIMATION' | 'AUDIO' | 'DOCUMENT';

export const KINDS: readonly WorkKind[] = ['ARTICLE', 'VIDEO', 'ANIMATION', 'AUDIO'];
export const STATUSES: readonly WorkStatus[] = ['draft', 'in_review', 'changes_requested', 'rejected', 'blocked', 'approved_scheduled', 'published'];

/** What kind of file a work of this kind takes. */
export function purposeOf(kind: WorkKind | undefined): Purpose {
  return kind === 'VIDEO' || kind === 'ANIMATION' || kind === 'AUDIO' ? kind : 'DOCUMENT';
}

/** The file picker's filter for a purpose (the server judges the bytes anyway). */
export function acceptOf(purpose: Purpose): string {
  switch (purpose) {
    case 'VIDEO':
      return 'video/*,.mp4,.webm,.mov';
    case 'ANIMATION':
      return 'video/*,image/gif,image/apng,.gif,.png,.mp4,.webm';
    case 'AUDIO':
      return 'audio/*,.mp3,.m4a,.aac,.ogg,.opus,.wav,.flac';
    default:
      return '.pdf,.docx,.odt,application/pdf';
  }
}

export function badgeOf(status: string | undefined): string {
  switch (status) {
    case 'published':
    case 'PUBLISHED':
    case 'APPROVED':
    case 'APPROVE':
      return 'badge ok';
    case 'in_review':
    case 'approved_scheduled':
    case 'IN_REVIEW':
    case 'SCHEDULED':
    case 'REQUEST_CHANGES':
      return 'badge warn';
    case 'changes_requested':
    case 'rejected':
    case 'blocked':
    case 'CHANGES_REQUESTED':
    case 'REJECTED':
    case 'BLOCKED':
    case 'REJECT':
      return 'badge danger';
    default:
      return 'badge';
  }
}

/** The fields of a saved draft revision as the draft endpoint takes them back. */
export function draftOf(revision: Revision | undefined): WorkDraft {
  return {
    title: revision?.title ?? '',
    summary: revision?.summary ?? '',
    body: revision?.bodySource ?? '',
    bodyFormat: revision?.bodyFormat ?? 'MARKDOWN',
    topics: [...(revision?.topics ?? [])],
    columns: [...(revision?.columns ?? [])],
    tags: [...(revision?.tags ?? [])],
    credits: (revision?.credits ?? []).map((credit) => ({ ...credit })),
    originality: revision?.originality ?? 'ORIGINAL',
    licence: revision?.licence ?? 'CC-BY-NC-4.0',
    coverAsset: revision?.coverAsset,
    mediaAssets: [...(revision?.mediaAssets ?? [])]
  };
}

/** Processing progress of a list row's media as a whole percentage, or null when nothing is being processed. */
export function processingPercent(media: readonly { progress?: number; status?: string }[] | undefined): number | null {
  const measured = (media ?? []).filter((item) => typeof item.progress === 'number');
  if (measured.length === 0) {
    return null;
  }
  const mean = measured.reduce((sum, item) => sum + (item.progress as number), 0) / measured.length;
  return Math.floor(mean * 100);
}

/** Bytes for people: 1.5 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The preview a set of renditions allows: an MP4 or HLS video, an audio file, or nothing yet. */
export function previewOf(renditions: readonly { contentType?: string; previewUrl?: string; name?: string }[]):
  | { type: 'video'; src: string; hls: boolean; poster?: string }
  | { type: 'audio'; src: string }
  | null {
  const usable = renditions.filter((item) => item.previewUrl);
  const poster = usable.find((item) => item.contentType?.startsWith('image/'))?.previewUrl;
  const mp4 = usable.find((item) => item.contentType === 'video/mp4' || item.contentType === 'video/webm');
  if (mp4) {
    return { type: 'video', src: mp4.previewUrl!, hls: false, poster };
  }
  const hls = usable.find((item) => /mpegurl/i.test(item.contentType ?? '') && /master|index|playlist/i.test(item.name ?? 'master'))
    ?? usable.find((item) => /mpegurl/i.test(item.contentType ?? ''));
  if (hls) {
    return { type: 'video', src: hls.previewUrl!, hls: true, poster };
  }
  const audio = usable.find((item) => item.contentType?.startsWith('audio/'));
  return audio ? { type: 'audio', src: audio.previewUrl! } : null;
}
