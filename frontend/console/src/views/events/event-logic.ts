import type { components } from '../../api/schema';
import type { Role } from '../../session';
import { isoToLocalInput, localInputToIso, shownInZone } from '../editor/schedule-logic';

export type SeriesView = components['schemas']['SeriesView'];
export type SeriesFormBody = components['schemas']['SeriesForm'];
export type OccurrenceView = components['schemas']['OccurrenceView'];
export type OccurrenceFormBody = components['schemas']['OccurrenceForm'];
export type ChangeBody = components['schemas']['ChangeRequest'];
export type SeriesStatus = NonNullable<SeriesView['status']>;
export type Stage = NonNullable<SeriesView['stage']>;

export const STATUSES: readonly SeriesStatus[] = ['DRAFT', 'REVIEW', 'PUBLISHED', 'REJECTED'];
export const AUDIENCES = ['all', 'youth', 'elderly'] as const;
export const CHANGE_KINDS = ['RESCHEDULED', 'MOVED', 'CANCELLED'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Who writes series (a society's administrator only those of their society, checked by the server too). */
export const EVENT_AUTHORS: readonly Role[] = ['ADMIN', 'EDITOR', 'SOCIETY_ADMIN'];
/** Who reads series in the console. */
export const EVENT_READERS: readonly Role[] = ['ADMIN', 'EDITOR', 'SOCIETY_ADMIN', 'REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC', 'APPROVER'];
/** Who runs published occurrences in the console: registrations with phone numbers and volunteers are theirs only. */
export const EVENT_OPERATORS: readonly Role[] = ['ADMIN', 'EDITOR'];
/** 一审 by a political reviewer; 终审 by an approver or an association editor. */
export const STAGE_SIGNERS: Record<Stage, readonly Role[]> = { POLITICAL: ['REVIEWER_POLITICAL'], FINAL: ['APPROVER', 'EDITOR'] };

export interface Viewer {
  username?: string;
  organisation?: string;
  roles?: readonly Role[];
}

function has(viewer: Viewer | null | undefined, roles: readonly Role[]): boolean {
  return (viewer?.roles ?? []).some((role) => roles.includes(role));
}

export function isAuthor(viewer: Viewer | null | undefined): boolean {
  return has(viewer, EVENT_AUTHORS);
}

/** Staff write for every organiser; a society's administrator for their own society. */
export function writes(series: Pick<SeriesView, 'organisation'> | null | undefined, viewer: Viewer | null | undefined): boolean {
  if (!series || !viewer) {
    return false;
  }
  if (has(viewer, ['ADMIN', 'EDITOR'])) {
    return true;
  }
  return has(viewer, ['SOCIETY_ADMIN']) && !!viewer.organisation && viewer.organisation === series.organisation?.slug;
}

export function isStaff(viewer: Viewer | null | undefined): boolean {
  return has(viewer, ['ADMIN', 'EDITOR']);
}

export interface SeriesActions {
  /** Edit the series and add, edit, remove occurrences. */
  edit: boolean;
  submit: boolean;
  /** Announce changes of published occurrences. */
  announce: boolean;
}

export function seriesActions(series: SeriesView | null | undefined, viewer: Viewer | null | undefined): SeriesActions {
  if (!series || !writes(series, viewer)) {
    return { edit: false, submit: false, announce: false };
  }
  const draft = series.status === 'DRAFT';
  return { edit: draft, submit: draft && (series.occurrences?.length ?? 0) > 0, announce: series.status === 'PUBLISHED' };
}

/**
 * The decision form for a signer of the current stage; 'own' when the viewer submitted the series or already signed
 * it since (nobody signs their own series or both stages); 'other' when someone else signs now.
 */
export function decisionMode(series: SeriesView | null | undefined, viewer: Viewer | null | undefined): 'decide' | 'own' | 'other' | 'none' {
  if (!series || series.status !== 'REVIEW' || !series.stage) {
    return 'none';
  }
  if (!has(viewer, STAGE_SIGNERS[series.stage] ?? [])) {
    return 'other';
  }
  const submissions = series.submissions ?? [];
  const last = submissions.length ? submissions[submissions.length - 1] : undefined;
  if (!viewer?.username || !last) {
    return 'decide';
  }
  if (last.submittedBy === viewer.username) {
    return 'own';
  }
  const since = Date.parse(last.submittedAt ?? '') || 0;
  const signed = (series.decisions ?? []).some((decision) => decision.decidedBy === viewer.username
    && (Date.parse(decision.decidedAt ?? '') || 0) >= since);
  return signed ? 'own' : 'decide';
}


/** An occurrence time as people in Yiyang read it, whatever the browser's zone. */
export function shownTime(iso: string | null | undefined): string {
  return shownInZone(iso);
}

/** Start and end of an occurrence; the end without its date when on the same day. */
export function shownSpan(startsAt: string | null | undefined, endsAt: string | null | undefined): string {
  const start = shownInZone(startsAt);
  const end = shownInZone(endsAt);
  if (!start || !end) {
    return start || end;
  }
  return start.slice(0, 10) === end.slice(0, 10) ? `${start} – ${end.slice(11)}` : `${start} – ${end}`;
}

// ---- series form ----

export interface SeriesFormState {
  title: string;
  summary: string;
  description: string;
  organisation: string;
  topics: string[];
  audience: string;
  coverUrl: string;
}

export function emptySeries(): SeriesFormState {
  return { title: '', summary: '', description: '', organisation: '', topics: [], audience: 'all', coverUrl: '' };
}

export function seriesState(series: SeriesView): SeriesFormState {
  return {
    title: series.title ?? '',
    summary: series.summary ?? '',
    description: series.description ?? '',
    organisation: series.organisation?.slug ?? '',
    topics: [...(series.topics ?? [])],
    audience: series.audience ?? 'all',
    coverUrl: series.coverUrl ?? ''
  };
}

function text(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

/** The body the server takes; the cover asset of a saved series is kept as it was. */
export function seriesBody(state: SeriesFormState, coverAsset?: string): SeriesFormBody {
  return {
    title: state.title.trim(),
    summary: state.summary.trim(),
    description: state.description.trim(),
    organisation: text(state.organisation),
    topics: [...state.topics],
    audience: state.audience || 'all',
    coverUrl: text(state.coverUrl),
    coverAsset: text(state.coverUrl) ? undefined : coverAsset
  };
}

/** The fields a person must fill before saving; the server checks the rest. */
export function seriesMissing(state: SeriesFormState): string[] {
  return (['title', 'summary', 'description'] as const).filter((field) => !state[field].trim());
}

// ---- occurrence form ----

export interface VenueState {
  name: string;
  address: string;
  district: string;
  capacity: string;
  latitude: string;
  longitude: string;
}

export interface OccurrenceFormState {
  title: string;
  description: string;
  /** datetime-local values, Asia/Shanghai wall time. */
  startsAt: string;
  endsAt: string;
  venue: VenueState;
  registration: boolean;
  opensAt: string;
  closesAt: string;
  places: string;
}

export function emptyVenue(): VenueState {
  return { name: '', address: '', district: '', capacity: '', latitude: '', longitude: '' };
}

export function emptyOccurrence(): OccurrenceFormState {
  return { title: '', description: '', startsAt: '', endsAt: '', venue: emptyVenue(), registration: false, opensAt: '', closesAt: '', places: '' };
}

function numberText(value: number | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

export function venueState(venue: components['schemas']['Venue'] | undefined): VenueState {
  return {
    name: venue?.name ?? '',
    address: venue?.address ?? '',
    district: venue?.district ?? '',
    capacity: numberText(venue?.capacity),
    latitude: numberText(venue?.latitude),
    longitude: numberText(venue?.longitude)
  };
}

export function occurrenceState(occurrence: OccurrenceView): OccurrenceFormState {
  const registration = occurrence.registration;
  return {
    title: occurrence.title ?? '',
    description: occurrence.description ?? '',
    startsAt: isoToLocalInput(occurrence.startsAt),
    endsAt: isoToLocalInput(occurrence.endsAt),
    venue: venueState(occurrence.venue),
    registration: !!registration?.enabled,
    opensAt: isoToLocalInput(registration?.opensAt),
    closesAt: isoToLocalInput(registration?.closesAt),
    places: numberText(registration?.capacity)
  };
}

/** Vue's v-model hands number inputs over as numbers (or '' when empty), whatever the field's declared type. */
function plain(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function integer(value: string | number): number | undefined {
  const trimmed = plain(value);
  if (!trimmed) {
    return undefined;
  }
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? Math.trunc(parsed) : undefined;
}

function decimal(value: string | number): number | undefined {
  const trimmed = plain(value);
  if (!trimmed) {
    return undefined;
  }
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function iso(value: string): string | undefined {
  return localInputToIso(value) ?? undefined;
}

export function venueBody(state: VenueState): components['schemas']['VenueForm'] {
  return {
    name: state.name.trim(),
    address: text(state.address),
    district: state.district.trim(),
    capacity: integer(state.capacity),
    latitude: decimal(state.latitude),
    longitude: decimal(state.longitude)
  };
}

/** Times typed in Asia/Shanghai go out with their +08:00 offset. */
export function occurrenceBody(state: OccurrenceFormState): OccurrenceFormBody {
  return {
    title: text(state.title),
    description: text(state.description),
    startsAt: iso(state.startsAt),
    endsAt: iso(state.endsAt),
    venue: venueBody(state.venue),
    registration: state.registration
      ? { enabled: true, opensAt: iso(state.opensAt), closesAt: iso(state.closesAt), capacity: integer(state.places) }
      : { enabled: false }
  };
}

export function occurrenceMissing(state: OccurrenceFormState): string[] {
  const missing: string[] = [];
  if (!state.startsAt) missing.push('startsAt');
  if (!state.endsAt) missing.push('endsAt');
  if (!state.venue.name.trim()) missing.push('venueName');
  if (!state.venue.district.trim()) missing.push('district');
  if (state.registration && !plain(state.places)) missing.push('places');
  return missing;
}

// ---- announced changes ----

export interface ChangeState {
  kind: ChangeKind;
  startsAt: string;
  endsAt: string;
  venue: VenueState;
  announcement: string;
}

export function changeState(occurrence: OccurrenceView): ChangeState {
  return {
    kind: 'RESCHEDULED',
    startsAt: isoToLocalInput(occurrence.startsAt),
    endsAt: isoToLocalInput(occurrence.endsAt),
    venue: venueState(occurrence.venue),
    announcement: ''
  };
}

/** Only what the kind of change needs: new times, a new venue, or nothing but the announcement. */
export function changeBody(state: ChangeState): ChangeBody {
  const body: ChangeBody = { kind: state.kind, announcement: state.announcement.trim() };
  if (state.kind === 'RESCHEDULED') {
    body.startsAt = iso(state.startsAt);
    body.endsAt = iso(state.endsAt);
  } else if (state.kind === 'MOVED') {
    body.venue = venueBody(state.venue);
  }
  return body;
}

/** The public page of a published series. */
export function publicPath(seriesId: string): string {
  return `/events/${seriesId}`;
}
