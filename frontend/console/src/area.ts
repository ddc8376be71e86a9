import type { RouteRecordRaw } from 'vue-router';
import type { Role } from './session';

/** A part of the console for some roles: its routes and the links it puts in the navigation. */
export interface ConsoleArea {
  /** Orders the navigation; lower first. */
  order: number;
  roles: readonly Role[];
  /** A link may be for fewer roles than the area (absent: all of the area's roles). */
  nav: { to: string; label: string; roles?: readonly Role[] }[];
  routes: RouteRecordRaw[];
}

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the route; absent means anyone signed in. */
    roles?: readonly Role[];
    /** Open without signing in (the sign-in screen). */
    public?: boolean;
  }
}
