import { Text } from '@mantine/core';
import type { OrganizationSummary } from '../http/types';
import { useT } from '../i18n';
import { Dash } from '../ui/SourceText';

type Numbers = Pick<OrganizationSummary, 'unp' | 'inn' | 'ogrn'>;

/** УНП (Belarus) / ИНН and ОГРН (Russia), whichever are known. */
export function RegistrationNumbers({ org, compact }: { org: Numbers; compact?: boolean }) {
  const t = useT();
  const numbers = [
    org.unp && `${t('org.unp')} ${org.unp}`,
    org.inn && `${t('org.inn')} ${org.inn}`,
    !compact && org.ogrn && `${t('org.ogrn')} ${org.ogrn}`,
  ].filter(Boolean);
  if (numbers.length === 0) return <Dash />;
  return (
    <Text size="sm" ff="monospace">
      {numbers.join(' · ')}
    </Text>
  );
}
