import type { ConsoleArea } from '../../area';

export const area: ConsoleArea = {
  order: 40,
  roles: ['EDITOR', 'ADMIN'],
  nav: [
    { to: '/editor/columns', label: 'editor.nav.columns' },
    { to: '/editor/featured', label: 'editor.nav.featured' },
    { to: '/editor/schedule', label: 'editor.nav.schedule' },
    { to: '/editor/topics', label: 'editor.nav.topics' }
  ],
  routes: [
    { path: '/editor', redirect: '/editor/columns' },
    { path: '/editor/columns', name: 'editor-columns', component: () => import('./ColumnsView.vue') },
    { path: '/editor/featured', name: 'editor-featured', component: () => import('./FeaturedView.vue') },
    { path: '/editor/schedule', name: 'editor-schedule', component: () => import('./ScheduleView.vue') },
    { path: '/editor/topics', name: 'editor-topics', component: () => import('./TopicsView.vue') }
  ]
};
