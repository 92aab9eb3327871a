import { Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../i18n';
import { searchPath } from '../search/labels';

/** Registry search: goes to the results page `/search?q=…`. */
export function HomeSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchPath(q));
  };

  return (
    <form onSubmit={submit} role="search">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          label={t('home.searchLabel')}
          placeholder={t('home.searchPlaceholder')}
          size="md"
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: 1 }}
          data-testid="home-search"
        />
        <Button type="submit" size="md" data-testid="home-search-submit">
          {t('common.search')}
        </Button>
      </Group>
    </form>
  );
}
