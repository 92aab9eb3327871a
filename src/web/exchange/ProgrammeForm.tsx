import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { MAX_YEAR, MIN_YEAR } from '../../domain/exchange/programmes';
import { useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { useSaveProgramme } from './api';
import { PROGRAMME_STATES, programmeStateLabel, type Option } from './labels';
import { ChosenMultiSelect } from './ChosenMultiSelect';
import { useFoundOrganizations, useFoundProductTypes } from './found';
import type { Programme, ProgrammeState } from './types';

/** Create or change a programme (admins; operators for their state and the Union State). */
export function ProgrammeForm({ programme, onClose }: { programme: Programme | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveProgramme(programme?.id ?? null);
  const year = new Date().getFullYear();
  const [name, setName] = useState(programme?.name ?? '');
  const [state, setState] = useState<ProgrammeState>(programme?.state ?? 'BY');
  const [ownerBody, setOwnerBody] = useState(programme?.ownerBody ?? '');
  const [yearFrom, setYearFrom] = useState<number | string>(programme?.yearFrom ?? year);
  const [yearTo, setYearTo] = useState<number | string>(programme?.yearTo ?? year + 4);
  const [description, setDescription] = useState(programme?.description ?? '');
  const [orgs, setOrgs] = useState<Option[]>((programme?.organizations ?? []).map((o) => ({ value: String(o.id), label: o.name })));
  const [products, setProducts] = useState<Option[]>((programme?.products ?? []).map((p) => ({ value: String(p.id), label: p.designation })));
  const [orgSearch, setOrgSearch] = useState('');
  const [productSearch, setProductSearch] = useState('');
  const foundOrgs = useFoundOrganizations(orgSearch);
  const foundProducts = useFoundProductTypes(productSearch);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typeof yearFrom !== 'number' || typeof yearTo !== 'number') return;
    save.mutate(
      {
        name: name.trim(),
        state,
        ownerBody: ownerBody.trim(),
        yearFrom,
        yearTo,
        description: description.trim() || null,
        organizationIds: orgs.map((o) => Number(o.value)),
        productTypeIds: products.map((p) => Number(p.value)),
      },
      { onSuccess: onClose },
    );
  };

  return (
    <Modal opened onClose={onClose} title={programme ? t('exchange.programmes.edit') : t('exchange.programmes.add')} size="xl">
      <Stack component="form" gap="sm" onSubmit={submit} data-testid="programme-form">
        <TextInput
          label={t('exchange.programmes.name')}
          required
          maxLength={500}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          data-testid="programme-name"
        />
        <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="sm">
          <Select
            label={t('exchange.programmes.state')}
            data={PROGRAMME_STATES.map((value) => ({ value, label: programmeStateLabel(t, value) }))}
            value={state}
            onChange={(value) => value && setState(value as ProgrammeState)}
            allowDeselect={false}
            data-testid="programme-state"
          />
          <TextInput
            label={t('exchange.programmes.ownerBody')}
            required
            maxLength={500}
            value={ownerBody}
            onChange={(e) => setOwnerBody(e.currentTarget.value)}
            data-testid="programme-owner"
          />
          <NumberInput
            label={t('exchange.programmes.yearFrom')}
            required
            min={MIN_YEAR}
            max={MAX_YEAR}
            value={yearFrom}
            onChange={setYearFrom}
            data-testid="programme-from"
          />
          <NumberInput
            label={t('exchange.programmes.yearTo')}
            required
            min={MIN_YEAR}
            max={MAX_YEAR}
            value={yearTo}
            onChange={setYearTo}
            data-testid="programme-to"
          />
        </SimpleGrid>
        <Textarea
          label={t('exchange.demand.description')}
          autosize
          minRows={2}
          maxLength={10_000}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <ChosenMultiSelect
          label={t('exchange.programmes.organizationsField')}
          chosen={orgs}
          onChosen={setOrgs}
          found={foundOrgs.map((o) => ({ value: String(o.id), label: o.name }))}
          search={orgSearch}
          onSearch={setOrgSearch}
          testId="programme-organizations"
        />
        <ChosenMultiSelect
          label={t('exchange.programmes.productsField')}
          chosen={products}
          onChosen={setProducts}
          found={foundProducts.map((p) => ({ value: String(p.id), label: p.designation }))}
          search={productSearch}
          onSearch={setProductSearch}
          testId="programme-products"
        />
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="subtle" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="programme-save">
            {t('exchange.form.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
