import type { MessageKey } from '../i18n';

export type NavItem = { to: string; label: MessageKey; testId: string };

export const NAV_ITEMS: NavItem[] = [
  { to: '/products', label: 'nav.products', testId: 'nav-products' },
  { to: '/foreign-parts', label: 'nav.foreignParts', testId: 'nav-foreign-parts' },
  { to: '/organizations', label: 'nav.organizations', testId: 'nav-organizations' },
  { to: '/bom', label: 'nav.bom', testId: 'nav-bom' },
];
