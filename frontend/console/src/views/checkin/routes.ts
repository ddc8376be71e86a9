import type { ConsoleArea } from '../../area';
import { EVERY_ROLE } from './duty-logic';

const UUID = '[0-9a-fA-F-]{36}';

// 现场签到: any account can be an occurrence's coordinator (through its entry in the volunteer directory), whatever its
// role, so the link is there for every role; the page says when there is nothing to check in at.
export const area: ConsoleArea = {
  order: 5,
  roles: EVERY_ROLE,
  nav: [{ to: '/check-in', label: 'checkin.nav' }],
  routes: [
    { path: '/check-in', name: 'check-in-duties', component: () => import('./CheckInDutiesView.vue') },
    { path: `/check-in/:occurrence(${UUID})`, name: 'check-in-duty', component: () => import('./CheckInDutyView.vue'), props: true }
  ]
};
