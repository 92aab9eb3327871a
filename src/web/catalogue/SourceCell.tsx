import { Text } from '@mantine/core';
import { SourceText } from '../ui/SourceText';

/** Provenance of an analog link, with its note underneath. */
export function SourceCell({ source, note }: { source: string | null; note: string | null }) {
  return (
    <>
      <SourceText source={source} />
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </>
  );
}
