/** A sensitive-word hit as the API gives it (all fields optional in the generated types). */
export interface Hit {
  field?: string;
  word?: string;
  matched?: string;
  level?: 'BLOCK' | 'FLAG';
  start?: number;
  end?: number;
  before?: string;
  after?: string;
}

/** A run of a field's text: plain, or one hit. */
export interface Segment {
  text: string;
  hit?: Hit;
}

/**
 * Where a hit stands in the text shown: at its offsets when the text there is what matched, otherwise at the
 * occurrence of the matched text nearest to them (the text shown may differ slightly from the server's), or
 * nowhere (then the reviewer still has the hit's own context).
 */
export function locate(text: string, hit: Hit): { start: number; end: number } | null {
  const matched = hit.matched ?? '';
  if (!matched) {
    return null;
  }
  const start = hit.start ?? -1;
  if (start >= 0 && text.slice(start, start + matched.length) === matched) {
    return { start, end: start + matched.length };
  }
  let best = -1;
  for (let at = text.indexOf(matched); at >= 0; at = text.indexOf(matched, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) {
      best = at;
    }
  }
  return best < 0 ? null : { start: best, end: best + matched.length };
}

/** The text cut into plain runs and hits, in order; overlapping hits keep the first (a BLOCK wins a tie). */
export function segment(text: string, hits: readonly Hit[]): Segment[] {
  const placed = hits
    .map((hit) => ({ hit, at: locate(text, hit) }))
    .filter((entry): entry is { hit: Hit; at: { start: number; end: number } } => entry.at !== null)
    .sort((a, b) => a.at.start - b.at.start || (a.hit.level === 'BLOCK' ? -1 : 0) - (b.hit.level === 'BLOCK' ? -1 : 0));
  const segments: Segment[] = [];
  let position = 0;
  for (const { hit, at } of placed) {
    if (at.start < position) {
      continue;
    }
    if (at.start > position) {
      segments.push({ text: text.slice(position, at.start) });
    }
    segments.push({ text: text.slice(at.start, at.end), hit });
    position = at.end;
  }
  if (position < text.length) {
    segments.push({ text: text.slice(position) });
  }
  return segments;
}

/** The hits the shown text could not place, so that the page lists them with their own context. */
export function unplaced(text: string, hits: readonly Hit[]): Hit[] {
  return hits.filter((hit) => locate(text, hit) === null);
}
