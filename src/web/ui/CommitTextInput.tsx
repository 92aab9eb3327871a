import { TextInput, type TextInputProps } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';

type CommitTextInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'defaultValue'> & {
  /** The committed value (usually from the URL). */
  value: string;
  /** Called after a typing pause, or at once on Enter. */
  onCommit: (value: string) => void;
  delay?: number;
};

/**
 * Text filter that types freely and commits the value after a pause, so the URL
 * (and the server query) changes once per word rather than once per key press.
 * Outside changes of `value` (back button, a link) replace what is shown.
 */
export function CommitTextInput({ value, onCommit, delay = 350, ...inputProps }: CommitTextInputProps) {
  const [text, setText] = useState(value);
  const committed = useRef(value);

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed === committed.current) return;
    committed.current = trimmed;
    onCommit(trimmed);
  };
  const commitLater = useDebouncedCallback(commit, delay);

  useEffect(() => {
    if (value !== committed.current) {
      commitLater.cancel();
      committed.current = value;
      setText(value);
    }
  }, [value, commitLater]);

  return (
    <TextInput
      {...inputProps}
      type="search"
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commitLater(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commitLater.cancel();
          commit(text);
        }
      }}
    />
  );
}
