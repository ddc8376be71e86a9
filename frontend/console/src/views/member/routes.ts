import type { ConsoleArea } from '../../area';

// Society members (and staff) write works: list, create, edit, upload media, submit, read the reviewers' answers.
export const area: ConsoleArea = {
  order: 10,
  roles: ['SOCIETY_MEMBER', 'SOCIETY_ADMIN', 'EDITOR', 'ADMIN'],
  nav: [{ to: '/my/works', label: 'member.nav.works' }],
  routes: [
    { path: '/my/works', name: 'member-works', component: () => import('./MyWorksView.vue') },
    { path: '/my/works/new', name: 'member-work-new', component: () => import('./NewWorkView.vue') },
    { path: '/my/works/:id', name: 'member-work', component: () => import('./WorkView.vue'), props: true }
  ]
};
