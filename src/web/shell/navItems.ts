import type { User } from '../http/types';
import type { MessageKey } from '../i18n';

/**
 * `visible`: shown only to the users it returns true for (everyone when absent). Such role-specific entries sit
 * in the user menu on wide screens (the header row has room for the common ones only) and in the drawer below.
 */
export type NavItem = { to: string; label: MessageKey; testId: string; visible?: (user: User | null) => boolean };

export const visibleNavItems = (user: User | null, roleSpecific: boolean) =>
  NAV_ITEMS.filter((item) => (item.visible ? roleSpecific && item.visible(user) : !roleSpecific));

export const NAV_ITEMS: NavItem[] = [
  { to: '/products', label: 'nav.products', testId: 'nav-products' },
  { to: '/foreign-parts', label: 'nav.foreignParts', testId: 'nav-foreign-parts' },
  { to: '/organizations', label: 'nav.organizations', testId: 'nav-organizations' },
  { to: '/bom', label: 'nav.bom', testId: 'nav-bom' },
  { to: '/registry', label: 'nav.registry', testId: 'nav-registry' },
  { to: '/registry/verify', label: 'nav.verify', testId: 'nav-verify' },
  { to: '/exchange', label: 'nav.exchange', testId: 'nav-exchange' },
  { to: '/registry/queue', label: 'nav.queue', testId: 'nav-queue', visible: (user) => user?.role === 'operator' || user?.role === 'admin' },
  { to: '/registry/imports', label: 'nav.imports', testId: 'nav-imports', visible: (user) => user?.role === 'admin' },
  { to: '/admin/audit', label: 'nav.audit', testId: 'nav-audit', visible: (user) => user?.role === 'admin' },
  { to: '/exchange/inbox', label: 'nav.inbox', testId: 'nav-inbox', visible: (user) => !!user && user.memberships.length > 0 },
  {
    to: '/exchange/contracts',
    label: 'nav.contracts',
    testId: 'nav-contracts',
    visible: (user) => !!user && (user.memberships.length > 0 || user.role !== 'user'),
  },
];
