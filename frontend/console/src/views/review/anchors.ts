/** A comment as the decision request carries it: anchored to a quoted passage, a media time, or nothing. */
export interface Comment {
  quote?: string;
  seconds?: number;
  text: string;
}

export const MAX_QUOTE = 500;

/**
 * The passage a selection quotes, when it lies inside {@code container}: trimmed, white space collapsed,
 * cut at {@link MAX_QUOTE} characters; null for an empty selection or one outside.
 */
export function quoteOf(selection: { toString(): string; rangeCount: number; getRangeAt(index: number): { commonAncestorContainer: unknown } } | null,
                        contains: (node: unknown) => boolean): string | null {
  if (!selection || selection.rangeCount === 0) {
    return null;
  }
  if (!contains(selection.getRangeAt(0).commonAncestorContainer)) {
    return null;
  }
  const quote = selection.toString().replace(/\s+/g, ' ').trim();
  if (!quote) {
    return null;
  }
  return quote.length > MAX_QUOTE ? quote.slice(0, MAX_QUOTE) + '…' : quote;
}

/** A media time rounded to a tenth of a second; null before the media has a time. */
export function secondsOf(currentTime: number | undefined): number | null {
  if (currentTime === undefined || !Number.isFinite(currentTime) || currentTime < 0) {
    return null;
  }
  return Math.round(currentTime * 10) / 10;
}

/** 75.3 → "1:15", 3725 → "1:02:05". */
export function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function comment(text: string, anchor: { quote?: string | null; seconds?: number | null }): Comment | null {
  const body = text.trim();
  if (!body) {
    return null;
  }
  const made: Comment = { text: body };
  if (anchor.quote) {
    made.quote = anchor.quote;
  }
  if (anchor.seconds !== undefined && anchor.seconds !== null) {
    made.seconds = anchor.seconds;
  }
  return made;
}
