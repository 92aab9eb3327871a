import { Alert, Anchor, Button, Grid, Group, MultiSelect, Select, Stack, Stepper, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { RequireUser } from '../auth/RequireUser';
import { useCurrentUser } from '../auth/api';
import { api } from '../http/client';
import type { Paginated, ProductTypeSummary, User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { useOrganization } from '../organizations/api';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { NotFound } from '../ui/NotFound';
import { usePageTitle } from '../ui/usePageTitle';
import { useRecord, useSaveApplication, useSubmitApplication } from './api';
import { FactsFields } from './FactsFields';
import { EMPTY_FACTS, factsFromRecord, factsToApi, type FactsForm } from './factsForm';
import { todayIso } from './labels';
import { RegistryNav } from './RegistryNav';
import { SelfAssessment } from './SelfAssessment';
import type { RegistryRecord } from './types';

/** `/registry/apply`: a new application; `/registry/:id/edit`: a draft or returned one. */
export function ApplyPage() {
  return (
    <RequireUser>
      <ApplyRoute />
    </RequireUser>
  );
}

function ApplyRoute() {
  const { id } = useParams();
  const t = useT();
  const user = useCurrentUser();
  usePageTitle(t('registry.apply.title'));
  if (!user) return null;
  if (!id) return <ApplicationWizard user={user} record={null} />;
  return <EditApplication id={id} user={user} />;
}

function EditApplication({ id, user }: { id: string; user: User }) {
  const t = useT();
  const query = useRecord(id, todayIso());
  return (
    <QueryContent query={query} notFound={<NotFound message={t('registry.record.notFound')} />}>
      {(record) => <ApplicationWizard key={record.id} user={user} record={record} />}
    </QueryContent>
  );
}

type ProductOption = { id: number; label: string };

function ApplicationWizard({ user, record }: { user: User; record: RegistryRecord | null }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  // After the first save the address becomes /registry/:id/edit; the wizard stays on the same step.
  const [step, setStep] = useState(() => Number((location.state as { step?: number } | null)?.step ?? 0));
  const [savedId, setSavedId] = useState<number | null>(record?.id ?? null);
  const [organizationId, setOrganizationId] = useState<string | null>(
    record?.organizationId ? String(record.organizationId) : user.memberships.length === 1 ? String(user.memberships[0].organizationId) : null,
  );
  const [products, setProducts] = useState<ProductOption[]>(record?.products.map((p) => ({ id: p.id, label: p.designation })) ?? []);
  const [productName, setProductName] = useState(
    record && record.productName !== record.products.map((p) => p.designation).join(', ') ? record.productName : '',
  );
  const [facts, setFacts] = useState<FactsForm>(record ? factsFromRecord(record) : EMPTY_FACTS);
  const organization = useOrganization(organizationId ?? '');
  const makerCountry = organizationId && organization.data ? organization.data.country : null;
  const save = useSaveApplication();
  const submit = useSubmitApplication();

  const body = organizationId
    ? {
        organizationId: Number(organizationId),
        productTypeIds: products.map((p) => p.id),
        ...(productName.trim() ? { productName: productName.trim() } : {}),
        ...factsToApi(facts),
      }
    : null;
  const ready = !!body && body.productTypeIds.length > 0;
  // "Saved" while the form still equals what was last saved (also right after the first save moved us here).
  const json = body ? JSON.stringify(body) : '';
  const initialJson = useRef((location.state as { saved?: boolean } | null)?.saved ? json : null);
  const [savedJson, setSavedJson] = useState<string | null>(null);
  const saved = json !== '' && json === (savedJson ?? initialJson.current);

  if (user.memberships.length === 0) {
    return (
      <Stack gap="md">
        <RegistryNav />
        <Title order={1}>{t('registry.apply.title')}</Title>
        <Alert color="yellow">{t('registry.apply.noMemberships')}</Alert>
      </Stack>
    );
  }

  // A first save moves to the draft's edit address; a submit goes straight on to the record page instead (moving
  // in between would unmount this form while its submit is still running, and that submit's move would be lost).
  const doSave = async (moveToDraft = true) => {
    if (!body) return null;
    const result = await save.mutateAsync({ id: savedId, body });
    setSavedId(result.id);
    setSavedJson(json);
    if (savedId === null && moveToDraft) navigate(`/registry/${result.id}/edit`, { replace: true, state: { step, saved: true } });
    return result.id;
  };
  const doSubmit = async () => {
    const id = await doSave(false);
    if (id === null) return;
    await submit.mutateAsync(id);
    navigate(`/registry/${id}`);
  };
  const error = save.error ?? submit.error;

  return (
    <Stack gap="md">
      <RegistryNav />
      <Title order={1}>{record ? t('registry.apply.editTitle', { id: record.id }) : t('registry.apply.title')}</Title>
      {record?.state === 'returned' && record.remarks && (
        <Alert color="yellow" title={t('registry.apply.returnedWith')} data-testid="apply-returned-remarks">
          {record.remarks}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stepper active={step} onStepClick={setStep} size="sm" allowNextStepsSelect={ready}>
            <Stepper.Step label={t('registry.apply.step.product')}>
              <Stack gap="md" mt="md">
                <Select
                  label={t('registry.apply.organization')}
                  data={user.memberships.map((m) => ({ value: String(m.organizationId), label: m.organizationName }))}
                  value={organizationId}
                  onChange={(value) => {
                    setOrganizationId(value);
                    setProducts([]);
                  }}
                  disabled={!!savedId}
                  allowDeselect={false}
                  data-testid="apply-organization"
                />
                {organization.data && (
                  <Text size="sm" c="dimmed" data-testid="apply-organization-country">
                    {format.country(organization.data.country)}
                    {organization.data.inn ? ` · ${t('org.inn')} ${organization.data.inn}` : ''}
                    {organization.data.unp ? ` · ${t('org.unp')} ${organization.data.unp}` : ''}
                  </Text>
                )}
                {organizationId && <ProductPicker organizationId={organizationId} value={products} onChange={setProducts} />}
                <TextInput
                  label={t('registry.apply.productName')}
                  description={t('registry.apply.productNameHint')}
                  value={productName}
                  onChange={(e) => setProductName(e.currentTarget.value)}
                  data-testid="apply-product-name"
                />
              </Stack>
            </Stepper.Step>
            <Stepper.Step label={t('registry.apply.step.facts')}>
              <FactsFields value={facts} onChange={setFacts} parts={['facts']} />
            </Stepper.Step>
            <Stepper.Step label={t('registry.apply.step.operations')}>
              <FactsFields value={facts} onChange={setFacts} parts={['operations', 'shares']} />
            </Stepper.Step>
            <Stepper.Step label={t('registry.apply.step.submit')}>
              <Stack gap="xs" mt="md">
                <Text size="sm">{t('registry.apply.submitHint')}</Text>
                <Text size="sm" c="dimmed">
                  {t('registry.apply.summary', { products: products.map((p) => p.label).join(', ') || '—', operations: factsToApi(facts).operations.length })}
                </Text>
              </Stack>
            </Stepper.Step>
          </Stepper>
          {error && (
            <div style={{ marginTop: 16 }}>
              <ErrorAlert error={error} />
            </div>
          )}
          {saved && savedId !== null && (
            <Text size="sm" c="teal" mt="sm" data-testid="apply-saved">
              {t('registry.apply.saved', { id: savedId })}{' '}
              <Anchor component={Link} to={`/registry/${savedId}`}>
                {t('registry.apply.openRecord')}
              </Anchor>
            </Text>
          )}
          <Group mt="lg" justify="space-between">
            <Group gap="sm">
              <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)} data-testid="apply-back">
                {t('registry.apply.back')}
              </Button>
              {step < 3 && (
                <Button variant="light" disabled={step === 0 && !ready} onClick={() => setStep((s) => s + 1)} data-testid="apply-next">
                  {t('registry.apply.next')}
                </Button>
              )}
            </Group>
            <Group gap="sm">
              <Button
                variant="default"
                disabled={!ready}
                loading={save.isPending && !submit.isPending}
                onClick={() => void doSave().catch(() => undefined)}
                data-testid="apply-save"
              >
                {t('registry.apply.saveDraft')}
              </Button>
              {step === 3 && (
                <Button disabled={!ready} loading={submit.isPending} onClick={() => void doSubmit().catch(() => undefined)} data-testid="apply-submit">
                  {t('registry.apply.submit')}
                </Button>
              )}
            </Group>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <SelfAssessment makerCountry={makerCountry} facts={facts} />
          </div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** The maker's product types, searched on the server; the chosen ones stay listed. */
function ProductPicker({ organizationId, value, onChange }: { organizationId: string; value: ProductOption[]; onChange: (next: ProductOption[]) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const query = useQuery({
    queryKey: ['registry', 'maker-products', organizationId, debounced],
    queryFn: ({ signal }) =>
      api<Paginated<ProductTypeSummary>>('/api/product-types', { query: { maker: organizationId, q: debounced || undefined, page: 1, pageSize: 50 }, signal }),
  });
  const data = useMemo(() => {
    const options = new Map(value.map((p) => [String(p.id), p.label]));
    for (const p of query.data?.items ?? []) options.set(String(p.id), p.designation);
    return [...options].map(([id, label]) => ({ value: id, label }));
  }, [value, query.data]);
  return (
    <MultiSelect
      label={t('registry.apply.products')}
      description={t('registry.apply.productsHint')}
      placeholder={value.length ? undefined : t('registry.apply.productsPlaceholder')}
      data={data}
      value={value.map((p) => String(p.id))}
      onChange={(ids) => onChange(ids.map((id) => ({ id: Number(id), label: data.find((d) => d.value === id)?.label ?? id })))}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={query.isFetching ? t('common.loading') : t('common.nothingFound')}
      error={query.isError ? query.error.message : undefined}
      data-testid="apply-products"
    />
  );
}
