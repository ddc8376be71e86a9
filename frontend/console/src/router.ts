import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { ConsoleArea } from './area';
import { currentActor, hasAnyRole } from './session';
import SignInView from './views/SignInView.vue';
import HomeView from './views/HomeView.vue';
import NotFoundView from './views/NotFoundView.vue';

// Every area lives in views/<area>/routes.ts; adding one needs no change here.
const files = import.meta.glob<{ area: ConsoleArea }>('./views/*/routes.ts', { eager: true });
export const areas: ConsoleArea[] = Object.values(files).map((file) => file.area).sort((a, b) => a.order - b.order);

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomeView },
  { path: '/sign-in', name: 'sign-in', component: SignInView, meta: { public: true } },
  ...areas.flatMap((area) => area.routes.map((route) => ({ ...route, meta: { roles: area.roles, ...route.meta } }) as RouteRecordRaw)),
  { path: '/:rest(.*)*', name: 'not-found', component: NotFoundView, meta: { public: true } }
];

export const router = createRouter({ history: createWebHistory('/console/'), routes });

router.beforeEach(async (to) => {
  if (to.meta.public) {
    return true;
  }
  const actor = await currentActor();
  if (!actor) {
    return { name: 'sign-in', query: { next: to.fullPath } };
  }
  if (to.meta.roles && !hasAnyRole(actor, to.meta.roles)) {
    return { name: 'home' };
  }
  return true;
});
