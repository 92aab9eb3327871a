import { Button, Group, Input, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { CreatedToken, TokenScope } from '../http/types';
import { useT } from '../i18n';
import { ErrorAlert } from '../ui/QueryStates';
import { useCreateToken } from './api';

export function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedToken) => void }) {
  const t = useT();
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [days, setDays] = useState<number | string>('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = typeof days === 'number' && days > 0 ? days : undefined;
    create.mutate(
      { name: name.trim(), scope, ...(expiresInDays ? { expiresInDays } : {}) },
      {
        onSuccess: (created) => {
          setName('');
          setDays('');
          onCreated(created);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} data-testid="token-create-form">
      <Stack gap="sm">
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('tokens.name')}
            placeholder={t('tokens.namePlaceholder')}
            required
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-testid="token-name"
            w={280}
          />
          <Input.Wrapper label={t('tokens.scope')}>
            <div>
              <SegmentedControl
                value={scope}
                onChange={(value) => setScope(value as TokenScope)}
                data={[
                  { value: 'read', label: t('tokens.scope.read') },
                  { value: 'write', label: t('tokens.scope.write') },
                ]}
                data-testid="token-scope"
              />
            </div>
          </Input.Wrapper>
          <NumberInput
            label={t('tokens.expiresInDays')}
            placeholder={t('tokens.noExpiry')}
            min={1}
            max={3650}
            allowDecimal={false}
            value={days}
            onChange={setDays}
            w={200}
          />
          <Button type="submit" loading={create.isPending} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        </Group>
        {create.isError && <ErrorAlert error={create.error} />}
      </Stack>
    </form>
  );
}
