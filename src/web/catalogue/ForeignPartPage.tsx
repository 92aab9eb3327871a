import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ForeignPart } from '../http/types';
import { useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useForeignPart } from './api';
import { DomesticAnalogsTable } from './DomesticAnalogsTable';

export function ForeignPartPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useForeignPart(id);
  usePageTitle(query.data?.partNumber ?? t('nav.foreignParts'));
  return (
    <QueryContent query={query} notFound={<NotFound message={t('foreignPart.notFound')} />}>
      {(part) => <ForeignPartView part={part} />}
    </QueryContent>
  );
}

function ForeignPartView({ part }: { part: ForeignPart }) {
  const t = useT();
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/foreign-parts">
          {t('nav.foreignParts')}
        </Anchor>
        <Text>{part.partNumber}</Text>
      </Breadcrumbs>
      <div>
        <Title order={1} data-testid="foreign-part-number" ff="monospace">
          {part.partNumber}
        </Title>
        {part.manufacturer && <Text c="dimmed">{part.manufacturer}</Text>}
      </div>
      <Paper withBorder p="lg" radius="md">
        <DetailList
          items={[
            { label: t('foreignPart.manufacturer'), value: part.manufacturer },
            { label: t('foreignPart.description'), value: part.description },
          ]}
        />
      </Paper>
      <Stack gap="xs">
        <Group gap="xs">
          <Title order={2} size="h3">
            {t('foreignPart.analogs')}
          </Title>
          <Badge variant="light" color="gray">
            {part.analogs.length}
          </Badge>
        </Group>
        <DomesticAnalogsTable analogs={part.analogs} />
      </Stack>
    </Stack>
  );
}
