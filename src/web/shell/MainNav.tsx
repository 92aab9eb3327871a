import { Button, Group, Stack } from '@mantine/core';
import { NavLink } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { useT } from '../i18n';
import { NAV_ITEMS } from './navItems';

type MainNavProps = {
  orientation: 'horizontal' | 'vertical';
  /** Only one copy of the navigation carries the test ids. */
  withTestIds?: boolean;
  onNavigate?: () => void;
};

/** Catalogue / foreign parts / organizations; the current section is highlighted. */
export function MainNav({ orientation, withTestIds, onNavigate }: MainNavProps) {
  const t = useT();
  const user = useCurrentUser();
  const Container = orientation === 'horizontal' ? Group : Stack;
  return (
    <Container gap={orientation === 'horizontal' ? 0 : 4} component="nav" aria-label="main">
      {NAV_ITEMS.filter((item) => !item.visible || (orientation === 'vertical' && item.visible(user))).map((item) => (
        <NavLink key={item.to} to={item.to} end={item.to === '/registry'} onClick={onNavigate} style={{ textDecoration: 'none' }}>
          {({ isActive }) => (
            <Button
              component="span"
              variant={isActive ? 'light' : 'subtle'}
              px={orientation === 'horizontal' ? 6 : undefined}
              color={isActive ? 'blue' : 'dark'}
              fullWidth={orientation === 'vertical'}
              justify={orientation === 'vertical' ? 'flex-start' : undefined}
              data-testid={withTestIds ? item.testId : undefined}
              aria-current={isActive ? 'page' : undefined}
            >
              {t(item.label)}
            </Button>
          )}
        </NavLink>
      ))}
    </Container>
  );
}
