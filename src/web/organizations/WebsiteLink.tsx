import { Anchor } from '@mantine/core';

/** A website given with or without the scheme; shown without it. */
export function WebsiteLink({ url }: { url: string }) {
  const href = /^https?:\/\//i.test(url) ? url : `https://${url}`;
  const label = url.replace(/^https?:\/\//i, '').replace(/\/$/, '');
  return (
    <Anchor href={href} target="_blank" rel="noopener noreferrer" size="sm">
      {label}
    </Anchor>
  );
}
