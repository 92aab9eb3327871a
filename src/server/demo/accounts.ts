/**
 * Demo accounts, created only in explicit demo mode (REESTR_DEMO=true). Their password is published in
 * the README and on the sign-in page, which is why they never exist outside demo mode.
 */
import type { Services } from '../services';

export const DEMO_PASSWORD = 'reestr-demo';

export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.reestr', name: 'Администратор (демо)', role: 'admin' as const, operatorCountry: null, organization: null },
  { email: 'operator.by@demo.reestr', name: 'Оператор реестра BY (демо)', role: 'operator' as const, operatorCountry: 'BY', organization: null },
  { email: 'operator.ru@demo.reestr', name: 'Оператор реестра RU (демо)', role: 'operator' as const, operatorCountry: 'RU', organization: null },
  {
    email: 'integral@demo.reestr',
    name: 'Инженер ОАО «Интеграл» (демо)',
    role: 'user' as const,
    operatorCountry: null,
    organization: { name: 'ОАО «Интеграл»', country: 'BY' },
  },
  {
    email: 'milandr@demo.reestr',
    name: 'Инженер АО «ПКК Миландр» (демо)',
    role: 'user' as const,
    operatorCountry: null,
    organization: { name: 'АО «ПКК Миландр»', country: 'RU' },
  },
];

export async function ensureDemoAccounts(services: Services): Promise<void> {
  const repo = services.organizationsRepo;
  for (const account of DEMO_ACCOUNTS) {
    if (await services.accounts.findUserByEmail(account.email)) continue;
    await services.accounts.createUser({ ...account, password: DEMO_PASSWORD });
    if (account.organization) {
      const org = (await repo.findByName(account.organization.name)) ?? { id: await repo.create(account.organization, 'demo accounts') };
      await services.accounts.addMember(org.id, account.email, 'manager');
    }
  }
}
