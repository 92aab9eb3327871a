import { Anchor, Text } from '@mantine/core';

const URL_PATTERN = /^https?:\/\/\S+$/i;

/** Provenance text: a link when it is a URL, plain text otherwise, a dash when empty. */
export function SourceText({ source, size = 'sm' }: { source: string | null | undefined; size?: string }) {
  if (!source) return <Dash />;
  if (URL_PATTERN.test(source.trim())) {
    return (
      <Anchor href={source.trim()} target="_blank" rel="noopener noreferrer" size={size} style={{ wordBreak: 'break-all' }}>
        {source}
      </Anchor>
    );
  }
  return (
    <Text span size={size}>
      {source}
    </Text>
  );
}

/** Placeholder for an empty value. */
export function Dash() {
  return (
    <Text span c="dimmed" aria-label="—">
      —
    </Text>
  );
}
