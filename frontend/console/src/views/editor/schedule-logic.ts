/** The association works in one time zone; editors type and read times there, whatever the browser's zone. */
export const ZONE = 'Asia/Shanghai';

interface Parts { year: string; month: string; day: string; hour: string; minute: string; second: string }

function parts(instant: Date, zone: string): Parts {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23'
  });
  const result: Parts = { year: '', month: '', day: '', hour: '', minute: '', second: '' };
  for (const part of format.formatToParts(instant)) {
    if (part.type in result) {
      result[part.type as keyof Parts] = part.value;
    }
  }
  return result;
}

/** Minutes the zone is ahead of UTC at that instant. */
export function zoneOffsetMinutes(instant: Date, zone: string = ZONE): number {
  const p = parts(instant, zone);
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The value of an {@code <input type="datetime-local">} read as a wall-clock time in the zone, as ISO 8601 with
 * the zone's offset ("2026-11-24T09:30" → "2026-11-24T09:30:00+08:00"); blank → null; malformed → undefined.
 */
export function localInputToIso(value: string | null | undefined, zone: string = ZONE): string | null | undefined {
  if (value == null || value.trim() === '') {
    return null;
  }
  const match = LOCAL.exec(value.trim());
  if (!match) {
    return undefined;
  }
  const [y = '', mo = '', d = '', h = '', mi = '', s] = match.slice(1);
  const wallAsUtc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
  // First guess with the offset at that UTC instant, then correct once (enough for any real zone change).
  let offset = zoneOffsetMinutes(new Date(wallAsUtc), zone);
  offset = zoneOffsetMinutes(new Date(wallAsUtc - offset * 60000), zone);
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offsetText(offset)}`;
}

/** An ISO instant (any offset) as a datetime-local value in the zone ("2026-11-24T01:30:00Z" → "2026-11-24T09:30"). */
export function isoToLocalInput(iso: string | null | undefined, zone: string = ZONE): string {
  if (!iso) {
    return '';
  }
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) {
    return '';
  }
  const p = parts(instant, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The calendar day ("2026-11-24") of an instant in the zone. */
export function dayInZone(iso: string, zone: string = ZONE): string {
  const p = parts(new Date(iso), zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "2026-11-24 09:30" in the zone, for tables. */
export function shownInZone(iso: string | null | undefined, zone: string = ZONE): string {
  return iso ? isoToLocalInput(iso, zone).replace('T', ' ') : '';
}

/** Entries grouped by their day in the zone, days in time order and entries by time inside a day. */
export function groupByDay<T extends { at?: string }>(entries: readonly T[], zone: string = ZONE): { day: string; entries: T[] }[] {
  const days = new Map<string, T[]>();
  const timed = entries
    .filter((entry) => entry.at && !Number.isNaN(new Date(entry.at).getTime()))
    .sort((a, b) => new Date(a.at!).getTime() - new Date(b.at!).getTime());
  for (const entry of timed) {
    const day = dayInZone(entry.at!, zone);
    const list = days.get(day) ?? [];
    list.push(entry);
    days.set(day, list);
  }
  return [...days.entries()].map(([day, list]) => ({ day, entries: list }));
}

/**
 * The order after moving one item a step up (-1) or down (+1); the same order when it cannot move (first item up,
 * last item down, unknown item).
 */
export function moved<T>(items: readonly T[], item: T, step: -1 | 1): T[] {
  const result = [...items];
  const from = result.indexOf(item);
  const to = from + step;
  if (from < 0 || to < 0 || to >= result.length) {
    return result;
  }
  result[from] = items[to] as T;
  result[to] = items[from] as T;
  return result;
}
