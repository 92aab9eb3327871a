import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import { HomeSearch } from './HomeSearch';
import { StatsCards } from './StatsCards';

export function HomePage() {
  const t = useT();
  usePageTitle(null);
  return (
    <Stack gap="xl" maw={960}>
      <Stack gap="sm">
        <Title order={1}>{t('home.title')}</Title>
        <Text size="lg" c="dimmed" data-testid="home-purpose">
          {t('home.purpose')}
        </Text>
      </Stack>
      <HomeSearch />
      <Group gap="sm">
        <Button component={Link} to="/products" variant="light">
          {t('home.browseCatalogue')}
        </Button>
        <Button component={Link} to="/foreign-parts" variant="default">
          {t('home.browseForeignParts')}
        </Button>
      </Group>
      <StatsCards />
    </Stack>
  );
}
