import type { Role } from '../../session';

/** Every role, in the order the forms list them. */
export const ROLES: readonly Role[] = ['ADMIN', 'EDITOR', 'REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC', 'APPROVER', 'SOCIETY_ADMIN', 'SOCIETY_MEMBER'];

/** Roles that belong to a society (the server refuses them without one). */
export const SOCIETY_ROLES: readonly Role[] = ['SOCIETY_ADMIN', 'SOCIETY_MEMBER'];

/** The set after ticking or unticking one checkbox, in {@link ROLES} order. */
export function toggled(roles: readonly Role[], role: Role, on: boolean): Role[] {
  const set = new Set(roles);
  if (on) {
    set.add(role);
  } else {
    set.delete(role);
  }
  return ROLES.filter((each) => set.has(each));
}

/** A comma, 、 or newline separated list as trimmed, distinct, non-empty items. */
export function listOf(text: string): string[] {
  return [...new Set(text.split(/[,，、\n]/).map((item) => item.trim()).filter((item) => item !== ''))];
}

/** Query parameters of an audit search: blanks left out, so that the server does not filter on them. */
export function auditQuery(filters: { actor: string; action: string; subject: string }, before: number | undefined, limit: number):
  { actor?: string; action?: string; subject?: string; before?: number; limit: number } {
  const query: { actor?: string; action?: string; subject?: string; before?: number; limit: number } = { limit };
  for (const name of ['actor', 'action', 'subject'] as const) {
    const value = filters[name].trim();
    if (value !== '') {
      query[name] = value;
    }
  }
  if (before !== undefined) {
    query.before = before;
  }
  return query;
}

/** The id to page on after a page of entries (newest first): the smallest id, or none when the page was not full. */
export function nextBefore(entries: readonly { id?: number }[], limit: number): number | undefined {
  if (entries.length < limit) {
    return undefined;
  }
  const ids = entries.map((entry) => entry.id).filter((id): id is number => typeof id === 'number');
  return ids.length ? Math.min(...ids) : undefined;
}

/** A JSON value as readable lines "key: value", nested keys joined by dots. */
export function flatten(value: unknown, prefix = ''): { key: string; value: string }[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) {
      return [{ key: prefix, value: '{}' }];
    }
    return entries.flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
  }
  const text = Array.isArray(value) ? value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ')
    : value === null || value === undefined ? '' : String(value);
  return [{ key: prefix, value: text }];
}
