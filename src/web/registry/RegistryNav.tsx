import { Button, Group } from '@mantine/core';
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/api';
import type { User } from '../http/types';
import { useT, type MessageKey } from '../i18n';

type Item = { to: string; label: MessageKey; testId: string; visible?: (user: User | null) => boolean };

export const isOperator = (user: User | null) => user?.role === 'operator' || user?.role === 'admin';
export const isAdminUser = (user: User | null) => user?.role === 'admin';
export const isMember = (user: User | null) => !!user && user.memberships.length > 0;

const ITEMS: Item[] = [
  { to: '/registry', label: 'registry.nav.records', testId: 'registry-nav-records' },
  { to: '/registry/verify', label: 'registry.nav.verify', testId: 'registry-nav-verify' },
  { to: '/registry/calculator', label: 'registry.nav.calculator', testId: 'registry-nav-calculator' },
  { to: '/registry/rule-sets', label: 'registry.nav.ruleSets', testId: 'registry-nav-rule-sets' },
  { to: '/registry/apply', label: 'registry.nav.apply', testId: 'registry-nav-apply', visible: isMember },
  { to: '/registry/queue', label: 'registry.nav.queue', testId: 'registry-nav-queue', visible: isOperator },
  { to: '/registry/imports', label: 'registry.nav.imports', testId: 'registry-nav-imports', visible: isAdminUser },
];

/** The registry's own sections; hidden when printing. */
export function RegistryNav() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <Group gap={4} component="nav" aria-label={t('registry.nav.label')} data-print="hide" wrap="wrap">
      {ITEMS.filter((item) => !item.visible || item.visible(user)).map((item) => (
        <NavLink key={item.to} to={item.to} end style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button
              component="span"
              size="xs"
              variant={isActive ? 'light' : 'subtle'}
              color={isActive ? 'blue' : 'gray'}
              data-testid={item.testId}
              aria-current={isActive ? 'page' : undefined}
            >
              {t(item.label)}
            </Button>
          )}
        </NavLink>
      ))}
    </Group>
  );
}
