import type { ConsoleArea } from '../../area';
import { EDITORS } from './rumor-review';

const UUID = '[0-9a-fA-F-]{36}';

export const area: ConsoleArea = {
  order: 35,
  roles: ['EDITOR', 'ADMIN', 'REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC', 'APPROVER'],
  nav: [
    { to: '/rumors', label: 'rumors.nav.items' },
    { to: '/rumors/clues', label: 'rumors.nav.clues', roles: EDITORS }
  ],
  routes: [
    { path: '/rumors', name: 'rumor-items', component: () => import('./ItemListView.vue') },
    { path: '/rumors/clues', name: 'rumor-clues', component: () => import('./ClueInboxView.vue'), meta: { roles: EDITORS } },
    { path: `/rumors/clues/:id(${UUID})`, name: 'rumor-clue', component: () => import('./ClueView.vue'), props: true, meta: { roles: EDITORS } },
    { path: '/rumors/new', name: 'rumor-new', component: () => import('./ItemEditorView.vue'), meta: { roles: EDITORS } },
    { path: `/rumors/:id(${UUID})/edit`, name: 'rumor-edit', component: () => import('./ItemEditorView.vue'), props: true, meta: { roles: EDITORS } },
    { path: `/rumors/:id(${UUID})`, name: 'rumor-item', component: () => import('./ItemView.vue'), props: true }
  ]
};
