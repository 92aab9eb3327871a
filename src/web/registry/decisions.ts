import type { DecisionKind, RegistryRecord } from './types';

/** The decisions that make sense for the record's state. */
export function allowedDecisions(record: Pick<RegistryRecord, 'state' | 'endDate' | 'suspended'>): DecisionKind[] {
  if (record.state === 'submitted') return ['include', 'return', 'reject'];
  if (record.state !== 'included' || record.endDate) return [];
  return record.suspended ? ['resume', 'renew', 'exclude'] : ['renew', 'suspend', 'exclude'];
}
