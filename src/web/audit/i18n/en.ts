import type { auditRu } from './ru';

/** English texts of the audit trail page. */
export const auditEn: Record<keyof typeof auditRu, string> = {
  'nav.audit': 'Audit trail',
  'audit.title': 'Audit trail',
  'audit.intro':
    'Every action of administrators and registry operators, refused ones included: who, what, when and what it changed. Passwords, tokens and secrets are never kept.',
  'audit.adminsOnly': 'The audit trail is for administrators only.',
  'audit.entity': 'Subject kind',
  'audit.actor': 'Who',
  'audit.from': 'From',
  'audit.to': 'To',
  'audit.all': 'All',
  'audit.done': 'Done',
  'audit.refused': 'Refused',
  'audit.empty': 'No actions found.',
  'audit.at': 'When',
  'audit.action': 'Action',
  'audit.subject': 'On what',
  'audit.status': 'Answer',
  'audit.url': 'Address',
  'audit.field': 'Field',
  'audit.request': 'Request',
  'audit.before': 'Before',
  'audit.after': 'After',
};
