import { reactive, readonly } from 'vue';
import { api, unwrap } from './api/client';
import type { components } from './api/schema';

export type Actor = components['schemas']['Actor'];
export type Role = NonNullable<Actor['roles']>[number];

const state = reactive<{ actor: Actor | null; checked: boolean }>({ actor: null, checked: false });

export const session = readonly(state);

export function hasAnyRole(actor: { readonly roles?: readonly Role[] } | null, roles: readonly Role[]): boolean {
  return !!actor && (actor.roles ?? []).some((role) => roles.includes(role));
}

/** Who is signed in, asked once per page load; null when nobody is. */
export async function currentActor(): Promise<Actor | null> {
  if (!state.checked) {
    const { data, response } = await api.GET('/api/session');
    state.actor = response.ok && data ? data : null;
    state.checked = true;
  }
  return state.actor;
}

export async function signIn(username: string, password: string): Promise<Actor> {
  state.actor = await unwrap(api.POST('/api/session', { body: { username, password } }));
  state.checked = true;
  return state.actor;
}

export async function signOut(): Promise<void> {
  await unwrap(api.DELETE('/api/session'));
  state.actor = null;
}
