import { Badge, Button, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/api';
import type { User } from '../http/types';
import { useT, type MessageKey } from '../i18n';
import { useUnreadCount } from './api';
import { isMember, isOperatorOrAdmin, managedOrganizations, seesContracts } from './labels';

type Item = { to: string; label: MessageKey; testId: string; visible?: (user: User | null) => boolean; end?: boolean };

export const EXCHANGE_SECTIONS: Item[] = [
  { to: '/exchange', label: 'exchange.nav.demands', testId: 'exchange-nav-demands', end: true },
  { to: '/exchange/demands/new', label: 'exchange.nav.post', testId: 'exchange-nav-post', visible: isMember },
  { to: '/exchange/inbox', label: 'exchange.nav.inbox', testId: 'exchange-nav-inbox', visible: isMember },
  { to: '/exchange/contracts', label: 'exchange.nav.contracts', testId: 'exchange-nav-contracts', visible: seesContracts },
  { to: '/exchange/cooperation', label: 'exchange.nav.cooperation', testId: 'exchange-nav-cooperation' },
  { to: '/exchange/programmes', label: 'exchange.nav.programmes', testId: 'exchange-nav-programmes' },
  { to: '/exchange/dashboard', label: 'exchange.nav.dashboard', testId: 'exchange-nav-dashboard' },
  { to: '/exchange/rates', label: 'exchange.nav.rates', testId: 'exchange-nav-rates', visible: isOperatorOrAdmin },
  {
    to: '/exchange/webhooks',
    label: 'exchange.nav.webhooks',
    testId: 'exchange-nav-webhooks',
    visible: (u) => u?.role === 'admin' || managedOrganizations(u).length > 0,
  },
];

/** The exchange's own sections; hidden when printing. */
export function ExchangeNav() {
  const t = useT();
  const user = useCurrentUser();
  const unread = useUnreadCount(isMember(user));
  return (
    <Group gap={4} component="nav" aria-label={t('exchange.nav.label')} data-print="hide" wrap="wrap">
      {EXCHANGE_SECTIONS.filter((item) => !item.visible || item.visible(user)).map((item) => (
        <NavLink key={item.to} to={item.to} end={item.end} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button
              component="span"
              size="xs"
              variant={isActive ? 'light' : 'subtle'}
              color={isActive ? 'blue' : 'gray'}
              data-testid={item.testId}
              aria-current={isActive ? 'page' : undefined}
              rightSection={
                item.to === '/exchange/inbox' && unread > 0 ? (
                  <Badge size="xs" circle data-testid="exchange-nav-unread">
                    {unread}
                  </Badge>
                ) : undefined
              }
            >
              {t(item.label)}
            </Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
