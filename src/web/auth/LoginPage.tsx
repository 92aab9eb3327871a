import { Alert, Anchor, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../i18n';
import { usePageTitle } from '../ui/usePageTitle';
import { useCurrentUser, useLogin } from './api';
import { safeNext } from './safeNext';

export function LoginPage() {
  const t = useT();
  usePageTitle(t('login.title'));
  const user = useCurrentUser();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onSuccess: () => navigate(safeNext(params.get('next')), { replace: true }) });
  };

  return (
    <Container size={420} py="xl">
      <Title order={1} mb="lg">
        {t('login.title')}
      </Title>
      {user && !login.isSuccess && (
        <Alert variant="light" mb="md">
          {t('login.alreadySignedIn', { name: user.name })}{' '}
          <Anchor component={Link} to="/account">
            {t('auth.account')}
          </Anchor>
        </Alert>
      )}
      <Paper withBorder p="lg" radius="md" component="form" onSubmit={submit}>
        <Stack>
          <TextInput
            label={t('login.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            data-testid="login-email"
          />
          <PasswordInput
            label={t('login.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid="login-password"
          />
          {login.isError && (
            <Alert color="red" variant="light" title={t('login.failed')} data-testid="login-error">
              <Text size="sm">{login.error.message}</Text>
            </Alert>
          )}
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Stack>
      </Paper>
    </Container>
  );
}
