import type { ConsoleArea } from '../../area';

export const area: ConsoleArea = {
  order: 30,
  roles: ['REVIEWER_POLITICAL', 'REVIEWER_SCIENTIFIC', 'APPROVER', 'EDITOR', 'ADMIN'],
  nav: [{ to: '/review', label: 'review.nav' }],
  routes: [
    { path: '/review', name: 'review-queue', component: () => import('./ReviewQueueView.vue') },
    { path: '/review/cases/:id', name: 'review-case', component: () => import('./ReviewCaseView.vue'), props: true }
  ]
};
