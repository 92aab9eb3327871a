import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { Suggestion, SuggestionKind } from '../http/types';
import { useFormat, useT, type MessageKey } from '../i18n';
import { SUGGEST_MIN_LENGTH, useSuggestions } from './api';
import { searchPath, suggestionPath } from './labels';
import { TierBadge } from './TierBadge';

const GROUPS: { kind: SuggestionKind; label: MessageKey }[] = [
  { kind: 'productType', label: 'search.kind.productTypes' },
  { kind: 'foreignPart', label: 'search.kind.foreignParts' },
  { kind: 'organization', label: 'search.kind.organizations' },
];

const optionValue = (item: Suggestion) => `${item.kind}:${item.id}`;

/**
 * The search box of the header: suggestions while typing (grouped by kind, with their tier),
 * ↑/↓ to move, Enter to open the highlighted one or — with nothing highlighted — the results page.
 * On the results page it shows the current query.
 */
export function HeaderSearch() {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const location = useLocation();
  const inputRef = useRef<HTMLInputElement>(null);
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });

  // Follow the query in the address bar on /search (a link, back/forward), but keep typing otherwise.
  const urlQuery = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : null;
  const [text, setText] = useState(urlQuery ?? '');
  const [seenUrlQuery, setSeenUrlQuery] = useState(urlQuery);
  if (urlQuery !== seenUrlQuery) {
    setSeenUrlQuery(urlQuery);
    if (urlQuery !== null) setText(urlQuery);
  }

  const [debounced] = useDebouncedValue(text.trim(), 150);
  const active = text.trim().length >= SUGGEST_MIN_LENGTH && debounced.length >= SUGGEST_MIN_LENGTH;
  const suggestions = useSuggestions(debounced, combobox.dropdownOpened);
  // While the next answer loads, the last list stays only if it was for the same word being typed on or shortened.
  const typed = text.trim().toLowerCase();
  const answered = suggestions.data?.q.toLowerCase() ?? null;
  const related = answered !== null && (typed.startsWith(answered) || answered.startsWith(typed));
  const items = useMemo(() => (active && related ? (suggestions.data?.items ?? []) : []), [active, related, suggestions.data]);
  const byValue = useMemo(() => new Map(items.map((item) => [optionValue(item), item])), [items]);

  // A new list has nothing highlighted: Enter then means "all results", never a stale option.
  const { resetSelectedOption } = combobox;
  useEffect(() => {
    resetSelectedOption();
  }, [items, resetSelectedOption]);

  const open = (suggestion: Suggestion) => {
    combobox.closeDropdown();
    setText('');
    inputRef.current?.blur();
    navigate(suggestionPath(suggestion.kind, suggestion.id));
  };

  const searchAll = () => {
    const q = text.trim();
    if (!q) return;
    combobox.closeDropdown();
    navigate(searchPath(q));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // With an option highlighted the combobox clicks it (onOptionSubmit); otherwise search everything.
    if (combobox.dropdownOpened && combobox.getSelectedOptionIndex() !== -1) return;
    event.preventDefault();
    searchAll();
  };

  // No answer yet for what is typed (a disabled query is pending too: only count it while the list is open).
  const waiting = active && combobox.dropdownOpened && (suggestions.isPending || suggestions.isFetching || debounced !== text.trim());

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(value) => {
        const suggestion = byValue.get(value);
        if (suggestion) open(suggestion);
      }}
      width="target"
      position="bottom-start"
      withinPortal
      offset={4}
    >
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          type="search"
          size="sm"
          value={text}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          autoComplete="off"
          spellCheck={false}
          leftSection={<SearchIcon />}
          rightSection={waiting ? <Loader size={14} /> : null}
          onChange={(event) => {
            setText(event.currentTarget.value);
            combobox.resetSelectedOption();
            if (event.currentTarget.value.trim().length >= SUGGEST_MIN_LENGTH) combobox.openDropdown();
            else combobox.closeDropdown();
          }}
          onFocus={() => {
            if (text.trim().length >= SUGGEST_MIN_LENGTH) combobox.openDropdown();
          }}
          onClick={() => {
            if (text.trim().length >= SUGGEST_MIN_LENGTH) combobox.openDropdown();
          }}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={onKeyDown}
          style={{ flex: 1, minWidth: 0 }}
          data-testid="header-search"
        />
      </Combobox.Target>

      <Combobox.Dropdown hidden={!active} miw={340} data-testid="header-search-dropdown">
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
          {GROUPS.map((group) => {
            const groupItems = items.filter((item) => item.kind === group.kind);
            if (groupItems.length === 0) return null;
            return (
              <Combobox.Group key={group.kind} label={t(group.label)}>
                {groupItems.map((item) => (
                  <Combobox.Option key={optionValue(item)} value={optionValue(item)} data-testid="suggestion" data-kind={item.kind} data-tier={item.tier}>
                    <Group gap="xs" wrap="nowrap" justify="space-between">
                      <div style={{ minWidth: 0 }}>
                        <Text size="sm" fw={600} truncate>
                          {item.label}
                        </Text>
                        {item.sublabel && (
                          <Text size="xs" c="dimmed" truncate>
                            {item.kind === 'organization' && /^[A-Z]{2}$/.test(item.sublabel) ? format.country(item.sublabel) : item.sublabel}
                          </Text>
                        )}
                      </div>
                      <TierBadge tier={item.tier} size="xs" />
                    </Group>
                  </Combobox.Option>
                ))}
              </Combobox.Group>
            );
          })}
          {items.length === 0 && <Combobox.Empty>{waiting ? t('search.suggest.loading') : t('search.suggest.empty')}</Combobox.Empty>}
        </Combobox.Options>
        <Combobox.Footer>
          <Text size="xs" c="dimmed">
            {t('search.suggest.hint')}
          </Text>
        </Combobox.Footer>
      </Combobox.Dropdown>
    </Combobox>
  );
}

function SearchIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
      <circle cx="11" cy="11" r="7" />
      <path d="m20 20-3.5-3.5" />
    </svg>
  );
}
