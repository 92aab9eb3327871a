import { Alert, Button, Group, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/api';
import { RequireUser } from '../auth/RequireUser';
import { useBomAnalysis } from '../bom/api';
import { CategorySelect } from '../catalogue/CategorySelect';
import type { User } from '../http/types';
import { useFormat, useT } from '../i18n';
import { NotFound } from '../ui/NotFound';
import { ErrorAlert, QueryContent } from '../ui/QueryStates';
import { usePageTitle } from '../ui/usePageTitle';
import { useCreateDemand, useDemand, useDemandsFromBom, useUpdateDemand } from './api';
import { ExchangeNav } from './ExchangeNav';
import { VISIBILITIES, VISIBILITY_KEYS } from './labels';
import type { BomDemandsResult, DemandDetail, Visibility } from './types';

/** `/exchange/demands/new` (by hand, or `?bom=<analysis>` for its not covered lines) and `/exchange/demands/:id/edit`. */
export function DemandFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const bom = params.get('bom');
  return (
    <RequireUser>
      <Stack gap="md">
        <ExchangeNav />
        {id ? <EditDemand id={id} /> : bom ? <BomDemandForm analysisId={bom} /> : <DemandForm />}
      </Stack>
    </RequireUser>
  );
}

function EditDemand({ id }: { id: string }) {
  const t = useT();
  const query = useDemand(id);
  return (
    <QueryContent query={query} notFound={<NotFound message={t('exchange.demand.notFound')} />}>
      {(demand) => (demand.mine ? <DemandForm demand={demand} /> : <ErrorAlert error={new Error(t('exchange.demand.notYours'))} />)}
    </QueryContent>
  );
}

/** The organizations the user may post demand for (every membership). */
function BuyerSelect({ user, value, onChange }: { user: User; value: string | null; onChange: (value: string | null) => void }) {
  const t = useT();
  return (
    <Select
      label={t('exchange.demand.buyer')}
      required
      data={user.memberships.map((m) => ({ value: String(m.organizationId), label: m.organizationName }))}
      value={value}
      onChange={onChange}
      allowDeselect={false}
      data-testid="demand-buyer-select"
    />
  );
}

function VisibilityField({ value, onChange }: { value: Visibility; onChange: (value: Visibility) => void }) {
  const t = useT();
  return (
    <Radio.Group label={t('exchange.demand.visibility')} value={value} onChange={(v) => onChange(v as Visibility)} data-testid="demand-visibility-field">
      <Stack gap={6} mt={6}>
        {VISIBILITIES.map((v) => (
          <Radio key={v} value={v} label={t(VISIBILITY_KEYS[v].label)} description={t(VISIBILITY_KEYS[v].hint)} data-testid={`demand-visibility-${v}`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

function DemandForm({ demand }: { demand?: DemandDetail }) {
  const t = useT();
  usePageTitle(demand ? t('exchange.form.editTitle') : t('exchange.form.title'));
  const user = useCurrentUser()!;
  const navigate = useNavigate();
  const create = useCreateDemand();
  const update = useUpdateDemand(demand?.id ?? 0);
  const mutation = demand ? update : create;
  const [buyer, setBuyer] = useState<string | null>(
    demand?.buyer ? String(demand.buyer.id) : user.memberships[0] ? String(user.memberships[0].organizationId) : null,
  );
  const [partNumber, setPartNumber] = useState(demand?.partNumber ?? '');
  const [description, setDescription] = useState(demand?.description ?? '');
  const [category, setCategory] = useState(demand?.categoryCode ?? '');
  const [quantity, setQuantity] = useState<number | string>(demand?.quantityPerYear ?? '');
  const [neededBy, setNeededBy] = useState(demand?.neededBy ?? '');
  const [region, setRegion] = useState(demand?.region ?? '');
  const [visibility, setVisibility] = useState<Visibility>(demand?.visibility ?? 'public');
  const [problem, setProblem] = useState<string | null>(null);

  if (!demand && user.memberships.length === 0) return <Alert color="yellow">{t('exchange.form.noOrganization')}</Alert>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!partNumber.trim() && !description.trim() && !category) return setProblem(t('exchange.form.nameTheItem'));
    if (typeof quantity !== 'number' || !(quantity > 0)) return setProblem(t('exchange.form.quantityPositive'));
    const fields = {
      partNumber: orNull(partNumber),
      description: orNull(description),
      categoryCode: category || null,
      quantityPerYear: quantity,
      neededBy: neededBy || null,
      region: orNull(region)?.toUpperCase() ?? null,
      visibility,
    };
    const onSuccess = (saved: DemandDetail) => navigate(`/exchange/demands/${saved.id}`);
    if (demand) update.mutate(fields, { onSuccess });
    else create.mutate({ ...fields, buyerOrganizationId: Number(buyer) }, { onSuccess });
  };

  return (
    <Stack gap="md" component="form" onSubmit={submit} data-testid="demand-form" maw={900}>
      <Title order={1}>{demand ? t('exchange.form.editTitle') : t('exchange.form.title')}</Title>
      <Text c="dimmed" size="sm">
        {t('exchange.form.intro')}
      </Text>
      {!demand && <BuyerSelect user={user} value={buyer} onChange={setBuyer} />}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Text fw={500}>{t('exchange.form.item')}</Text>
          <Text size="xs" c="dimmed">
            {t('exchange.form.itemHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('exchange.demand.partNumber')}
              placeholder="SN74HC00N"
              value={partNumber}
              onChange={(e) => setPartNumber(e.currentTarget.value)}
              maxLength={100}
              data-testid="demand-part-number"
            />
            <CategorySelect value={category} onChange={(code) => setCategory(code ?? '')} />
          </SimpleGrid>
          <Textarea
            label={t('exchange.demand.description')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
            data-testid="demand-description"
          />
        </Stack>
      </Paper>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('exchange.demand.quantityPerYear')}
          required
          min={0}
          thousandSeparator=" "
          value={quantity}
          onChange={setQuantity}
          data-testid="demand-quantity"
        />
        <TextInput
          type="date"
          label={t('exchange.demand.neededBy')}
          value={neededBy}
          onChange={(e) => setNeededBy(e.currentTarget.value)}
          data-testid="demand-needed-by"
        />
        <TextInput
          label={t('exchange.demand.region')}
          description={t('exchange.form.regionHint')}
          placeholder="BY-MI"
          value={region}
          onChange={(e) => setRegion(e.currentTarget.value)}
          maxLength={6}
          data-testid="demand-region"
        />
      </SimpleGrid>
      <VisibilityField value={visibility} onChange={setVisibility} />
      {problem && (
        <Alert color="red" data-testid="demand-form-problem">
          {problem}
        </Alert>
      )}
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      <Group>
        <Button type="submit" loading={mutation.isPending} data-testid="demand-submit">
          {demand ? t('exchange.form.save') : t('exchange.form.submit')}
        </Button>
        <Button component={Link} to={demand ? `/exchange/demands/${demand.id}` : '/exchange'} variant="subtle">
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The not covered lines of a BOM analysis as demand, once per line. */
function BomDemandForm({ analysisId }: { analysisId: string }) {
  const t = useT();
  const format = useFormat();
  usePageTitle(t('exchange.bom.title'));
  const user = useCurrentUser()!;
  const analysis = useBomAnalysis(analysisId);
  const post = useDemandsFromBom(analysisId);
  const [buyer, setBuyer] = useState<string | null>(user.memberships[0] ? String(user.memberships[0].organizationId) : null);
  const [boards, setBoards] = useState<number | string>(1);
  const [neededBy, setNeededBy] = useState('');
  const [region, setRegion] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('public');
  const [result, setResult] = useState<BomDemandsResult | null>(null);

  if (user.memberships.length === 0) return <Alert color="yellow">{t('exchange.form.noOrganization')}</Alert>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(
      {
        buyerOrganizationId: Number(buyer),
        boardsPerYear: typeof boards === 'number' && boards > 0 ? boards : undefined,
        neededBy: neededBy || null,
        region: orNull(region)?.toUpperCase() ?? null,
        visibility,
      },
      { onSuccess: setResult },
    );
  };

  return (
    <QueryContent query={analysis} notFound={<NotFound message={t('bom.result.notFound')} />}>
      {(a) => (
        <Stack gap="md" component="form" onSubmit={submit} data-testid="bom-demand-form" maw={900}>
          <Title order={1}>{t('exchange.bom.title')}</Title>
          <Text>
            {t('exchange.bom.intro', { name: a.name, count: format.number(a.summary.notCovered.length) })}{' '}
            <Link to={`/bom/${a.id}?status=not_covered`}>{t('exchange.bom.seeLines')}</Link>
          </Text>
          <BuyerSelect user={user} value={buyer} onChange={setBuyer} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <NumberInput
              label={t('exchange.bom.boardsPerYear')}
              description={t('exchange.bom.boardsHint')}
              min={1}
              thousandSeparator=" "
              value={boards}
              onChange={setBoards}
              data-testid="bom-demand-boards"
            />
            <TextInput type="date" label={t('exchange.demand.neededBy')} value={neededBy} onChange={(e) => setNeededBy(e.currentTarget.value)} />
            <TextInput
              label={t('exchange.demand.region')}
              description={t('exchange.form.regionHint')}
              placeholder="BY-MI"
              value={region}
              onChange={(e) => setRegion(e.currentTarget.value)}
              maxLength={6}
            />
          </SimpleGrid>
          <VisibilityField value={visibility} onChange={setVisibility} />
          {post.isError && <ErrorAlert error={post.error} />}
          {result ? (
            <Alert color="green" data-testid="bom-demand-result" data-created={result.created}>
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('exchange.bom.result', { created: format.number(result.created), existing: format.number(result.existing) })}</Text>
                <Button component={Link} to="/exchange?scope=mine" size="xs" variant="light">
                  {t('exchange.bom.toMine')}
                </Button>
              </Stack>
            </Alert>
          ) : (
            <Group>
              <Button type="submit" loading={post.isPending} disabled={a.summary.notCovered.length === 0} data-testid="bom-demand-submit">
                {t('exchange.bom.submit', { count: format.number(a.summary.notCovered.length) })}
              </Button>
              <Button component={Link} to={`/bom/${a.id}`} variant="subtle">
                {t('common.cancel')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </QueryContent>
  );
}
