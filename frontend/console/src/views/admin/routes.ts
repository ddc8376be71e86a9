import type { ConsoleArea } from '../../area';

export const area: ConsoleArea = {
  order: 90,
  roles: ['ADMIN'],
  nav: [
    { to: '/admin/accounts', label: 'admin.nav.accounts' },
    { to: '/admin/societies', label: 'admin.nav.societies' },
    { to: '/admin/experts', label: 'admin.nav.experts' },
    { to: '/admin/volunteers', label: 'admin.nav.volunteers' },
    { to: '/admin/jobs', label: 'admin.nav.jobs' },
    { to: '/admin/audit', label: 'admin.nav.audit' },
    { to: '/admin/sensitive-words', label: 'admin.nav.words' },
    { to: '/admin/search', label: 'admin.nav.search' }
  ],
  routes: [
    { path: '/admin', redirect: '/admin/accounts' },
    { path: '/admin/accounts', name: 'admin-accounts', component: () => import('./AccountsView.vue') },
    { path: '/admin/societies', name: 'admin-societies', component: () => import('./SocietiesView.vue') },
    { path: '/admin/experts', name: 'admin-experts', component: () => import('./ExpertsView.vue') },
    { path: '/admin/volunteers', name: 'admin-volunteers', component: () => import('./VolunteersView.vue') },
    { path: '/admin/jobs', name: 'admin-jobs', component: () => import('./JobsView.vue') },
    { path: '/admin/audit', name: 'admin-audit', component: () => import('./AuditView.vue') },
    { path: '/admin/sensitive-words', name: 'admin-words', component: () => import('./SensitiveWordsView.vue') },
    { path: '/admin/search', name: 'admin-search', component: () => import('./SearchView.vue') }
  ]
};
