import { AppShell, Burger, Container, Divider, Drawer, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useT } from '../i18n';
import { Brand } from './Brand';
import { DemoBanner } from './DemoBanner';
import { Footer } from './Footer';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MainNav } from './MainNav';
import { UserButton } from './UserButton';

/** Header with navigation, language and user; demo banner; the page; footer. */
export function Layout() {
  const t = useT();
  const [menuOpen, menu] = useDisclosure(false);
  return (
    <AppShell header={{ height: 60 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="lg" wrap="nowrap">
            <Burger opened={menuOpen} onClick={menu.toggle} hiddenFrom="md" size="sm" aria-label={t('nav.openMenu')} />
            <Brand />
            <Group visibleFrom="md">
              <MainNav orientation="horizontal" withTestIds />
            </Group>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Group visibleFrom="md">
              <LanguageSwitcher withTestId />
            </Group>
            <UserButton />
          </Group>
        </Group>
      </AppShell.Header>
      <Drawer opened={menuOpen} onClose={menu.close} size={300} title={t('app.name')} hiddenFrom="md">
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
