import { Button, Indicator, Menu } from '@mantine/core';
import { Link, useLocation, useNavigate } from 'react-router';
import { useLogout, useSession } from '../auth/api';
import { useUnreadCount } from '../exchange/api';
import { useT } from '../i18n';
import { visibleNavItems } from './navItems';

/** "Sign in" for guests; the user's name with account / sign-out menu when signed in. */
export function UserButton() {
  const t = useT();
  const session = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const user = session.data?.user;
  // Unread notifications of the user's organizations (the demand exchange's inbox), on the button and its menu item.
  const unread = useUnreadCount(!!user && user.memberships.length > 0);

  if (session.isPending) return null;
  if (!user) {
    const next = location.pathname === '/login' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Button component={Link} to={`/login${next}`} variant="filled" size="sm" data-testid="sign-in-link">
        {t('auth.signIn')}
      </Button>
    );
  }

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <Indicator label={unread} size={16} disabled={unread === 0} offset={4} data-testid="user-unread" data-count={unread}>
          <Button variant="default" size="sm" maw={220} data-testid="user-menu">
            {user.name}
          </Button>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" data-testid="account-link">
          {t('auth.account')}
        </Menu.Item>
        {visibleNavItems(user, true).map((item) => (
          <Menu.Item key={item.to} component={Link} to={item.to} data-testid={item.testId}>
            {item.to === '/exchange/inbox' && unread > 0 ? t('nav.inboxUnread', { count: unread }) : t(item.label)}
          </Menu.Item>
        ))}
        <Menu.Item
          color="red"
          data-testid="sign-out"
          onClick={() => {
            // Leave first, so a page that needs a user does not bounce to the sign-in form.
            navigate('/');
            logout.mutate();
          }}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
