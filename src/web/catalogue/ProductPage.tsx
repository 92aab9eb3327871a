import { Anchor, Badge, Breadcrumbs, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { ProductType } from '../http/types';
import { useFormat, useT } from '../i18n';
import { DetailList } from '../ui/DetailList';
import { NotFound } from '../ui/NotFound';
import { QueryContent } from '../ui/QueryStates';
import { SourceText } from '../ui/SourceText';
import { usePageTitle } from '../ui/usePageTitle';
import { useProductType } from './api';
import { StatusBadge } from './Badges';
import { qualityLabel } from './labels';
import { ParametersTable } from './ParametersTable';
import { ProductAnalogsTable } from './ProductAnalogsTable';

export function ProductPage() {
  const { id = '' } = useParams();
  const t = useT();
  const query = useProductType(id);
  usePageTitle(query.data?.designation ?? t('nav.products'));
  return (
    <QueryContent query={query} notFound={<NotFound message={t('product.notFound')} />}>
      {(product) => <ProductView product={product} />}
    </QueryContent>
  );
}

function ProductView({ product }: { product: ProductType }) {
  const t = useT();
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to="/products">
          {t('nav.products')}
        </Anchor>
        <Text>{product.designation}</Text>
      </Breadcrumbs>
      <div>
        <Group gap="sm" align="center">
          <Title order={1} data-testid="product-designation">
            {product.designation}
          </Title>
          <StatusBadge status={product.status} />
        </Group>
        {product.designationLatin && product.designationLatin !== product.designation && (
          <Text c="dimmed" ff="monospace" data-testid="product-designation-latin">
            {product.designationLatin}
          </Text>
        )}
      </div>
      <Paper withBorder p="lg" radius="md">
        <ProductDetails product={product} />
      </Paper>
      <Section title={t('product.analogs')} count={product.analogs.length}>
        <ProductAnalogsTable analogs={product.analogs} />
      </Section>
      <Section title={t('product.parameters')} count={product.parameters.length}>
        <ParametersTable parameters={product.parameters} />
      </Section>
    </Stack>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Badge variant="light" color="gray">
          {count}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}

function ProductDetails({ product }: { product: ProductType }) {
  const t = useT();
  const format = useFormat();
  return (
    <DetailList
      items={[
        {
          label: t('product.category'),
          value: product.category && (
            <Anchor component={Link} to={`/products?category=${encodeURIComponent(product.category.code)}`}>
              {format.name(product.category)}
            </Anchor>
          ),
        },
        {
          label: t('product.functionRu'),
          value: product.functionRu && <FunctionText text={product.functionRu} derived={product.functionDerived} />,
          testId: 'product-function-ru',
        },
        {
          label: t('product.functionEn'),
          value: product.functionEn && <FunctionText text={product.functionEn} derived={product.functionDerived} />,
          testId: 'product-function-en',
        },
        {
          label: t('product.maker'),
          value: product.maker && (
            <Group gap="xs">
              <Anchor component={Link} to={`/organizations/${product.maker.id}`} data-testid="product-maker">
                {product.maker.name}
              </Anchor>
              {product.maker.country && <Text c="dimmed">{format.country(product.maker.country)}</Text>}
            </Group>
          ),
        },
        { label: t('product.packages'), value: product.packages.join(', ') },
        { label: t('product.qualityLevel'), value: qualityLabel(t, product.qualityLevel) },
        { label: t('product.standards'), value: product.standards.join(', ') },
        { label: t('product.okpd2'), value: product.okpd2 },
        { label: t('product.tnved'), value: product.tnved },
        { label: t('product.description'), value: product.description },
        { label: t('product.source'), value: product.source && <SourceText source={product.source} /> },
        { label: t('product.createdAt'), value: format.date(product.createdAt) },
        { label: t('product.updatedAt'), value: format.date(product.updatedAt) },
      ]}
    />
  );
}

function FunctionText({ text, derived }: { text: string; derived: boolean }) {
  const t = useT();
  return (
    <Group gap="xs" wrap="wrap">
      <Text span>{text}</Text>
      {derived && (
        <Tooltip label={t('product.functionDerivedHint')} multiline w={300} withArrow>
          <Badge color="yellow" variant="light" styles={{ label: { overflow: 'visible' } }} style={{ textTransform: 'none' }} data-testid="function-derived">
            {t('product.functionDerived')}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
