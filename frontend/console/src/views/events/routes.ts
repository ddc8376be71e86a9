import type { ConsoleArea } from '../../area';
import { EVENT_AUTHORS, EVENT_READERS, EVENT_OPERATORS } from './event-logic';

const UUID = '[0-9a-fA-F-]{36}';

export const area: ConsoleArea = {
  order: 38,
  roles: EVENT_READERS,
  nav: [{ to: '/events', label: 'events.nav.series' }],
  routes: [
    { path: '/events', name: 'event-series-list', component: () => import('./SeriesListView.vue') },
    { path: '/events/new', name: 'event-series-new', component: () => import('./SeriesEditorView.vue'), meta: { roles: EVENT_AUTHORS } },
    { path: `/events/:id(${UUID})/edit`, name: 'event-series-edit', component: () => import('./SeriesEditorView.vue'), props: true, meta: { roles: EVENT_AUTHORS } },
    {
      path: `/events/:id(${UUID})/occurrences/:occurrence(${UUID})`, name: 'event-occurrence-operations',
      component: () => import('./OccurrenceOperationsView.vue'), props: true, meta: { roles: EVENT_OPERATORS }
    },
    { path: `/events/:id(${UUID})`, name: 'event-series', component: () => import('./SeriesView.vue'), props: true }
  ]
};
