import { MultiSelect } from '@mantine/core';
import { useT } from '../i18n';
import { mergeOptions, type Option } from './labels';

type Props = {
  label: string;
  /** What is chosen; stays listed while a search shows other options. */
  chosen: Option[];
  onChosen: (chosen: Option[]) => void;
  /** The options the current search found. */
  found: Option[];
  search: string;
  onSearch: (search: string) => void;
  testId: string;
};

/** A multi-select over a server-side search: the chosen options and the ones the search found. */
export function ChosenMultiSelect({ label, chosen, onChosen, found, search, onSearch, testId }: Props) {
  const t = useT();
  const options = mergeOptions(chosen, found);
  return (
    <MultiSelect
      label={label}
      searchable
      data={options}
      value={chosen.map((o) => o.value)}
      onChange={(values) => onChosen(values.map((v) => options.find((o) => o.value === v)!).filter(Boolean))}
      searchValue={search}
      onSearchChange={onSearch}
      nothingFoundMessage={t('common.nothingFound')}
      data-testid={testId}
    />
  );
}
