/**
 * Demo registry, explicit demo mode only: the demo maker applies for two of its product types and the demo
 * operator of its country decides, through the same service and log as real work, so that the registry,
 * its history and its log proofs can be seen at once. Marked as demo in every remark.
 */
import type { Services } from '../services';
import { DEMO_ACCOUNTS } from './accounts';

const DEMO_REMARK = 'Демонстрационная запись (демо-режим), не является решением реестра';

export async function ensureDemoRegistry(services: Services): Promise<void> {
  const maker = DEMO_ACCOUNTS.find((a) => a.organization?.country === 'RU')!;
  const operator = DEMO_ACCOUNTS.find((a) => a.role === 'operator' && a.operatorCountry === 'RU')!;
  const [producer, decider] = await Promise.all([services.accounts.principalOf(maker.email), services.accounts.principalOf(operator.email)]);
  const organizationId = producer && [...producer.actor.memberships.keys()][0];
  if (!producer || !decider || !organizationId) return;
  if ((await services.registry.list(producer.actor, { organizationId }, { page: 1, pageSize: 1, order: 'desc' })).total > 0) return;
  const products = await services.productTypes.list({ maker: organizationId, pageSize: 2 });
  const ids = products.items.map((p) => p.id);
  if (!ids.length) return;
  const asProducer = { actor: producer.actor, userId: producer.user.id, name: producer.user.name };
  const asOperator = { actor: decider.actor, userId: decider.user.id, name: decider.user.name };
  const operations = ['design', 'software', 'wafer', 'assembly', 'testing'].map((code) => ({
    code,
    country: 'RU',
    organizationName: maker.organization!.name,
  }));
  const applied = await services.registry.apply(asProducer, {
    organizationId,
    productTypeIds: ids,
    makerTaxResidentEaeu: true,
    designRightsYears: 10,
    usesForeignReadyMadeSolutions: false,
    operations,
    contentShares: [{ country: 'RU', percent: 85 }],
  });
  await services.registry.submit(asProducer, applied.id);
  await services.registry.decide(asOperator, applied.id, { kind: 'include', remarks: DEMO_REMARK });
}
