import { AppShell, Burger, Container, Divider, Drawer, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useT } from '../i18n';
import { HeaderSearch } from '../search/HeaderSearch';
import classes from './Layout.module.css';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { Footer } from './Footer';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { UserButton } from './UserButton';

/** Header with navigation, search, language and user; demo banner; the page; footer. */
export function Layout() {
  const t = useT();
  const [menuOpen, menu] = useDisclosure(false);
  return (
    <AppShell header={{ height: { base: 104, xl: 60 } }} padding={0}>
      <AppShell.Header>
        <div className={classes.bar}>
          <Group gap="lg" wrap="nowrap" className={classes.start}>
            <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="lg" size="sm" aria-label={t('nav.openMenu')} />
            <Brand />
            <Group visibleFrom="lg">
              <MainNav orientation="horizontal" withTestIds />
            </Group>
          </Group>
          <div role="search" className={classes.search}>
            <HeaderSearch />
          </div>
          <Group gap="sm" wrap="nowrap" className={classes.end}>
            <Group visibleFrom="md">
              <LanguageSwitcher withTestId />
            </Group>
            <UserButton />
          </Group>
        </div>
      </AppShell.Header>
      <Drawer opened={menuOpen} onClose={menu.close} size={300} title={t('app.name')} hiddenFrom="lg">
        <Stack>
          <MainNav orientation="vertical" onNavigate={menu.close} />
          <Divider />
          <LanguageSwitcher />
        </Stack>
      </Drawer>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column' }}>
        <DemoBanner />
        <Container size="xl" w="100%" py="lg" style={{ flex: 1 }}>
          <Outlet />
        </Container>
        <Footer />
      </AppShell.Main>
    </AppShell>
  );
}
