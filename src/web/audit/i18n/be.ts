import type { auditRu } from './ru';

/** Belarusian texts of the audit trail page. */
export const auditBe: Record<keyof typeof auditRu, string> = {
  'nav.audit': 'Журнал дзеянняў',
  'audit.title': 'Журнал дзеянняў',
  'audit.intro':
    'Кожнае дзеянне адміністратараў і аператараў рэестра, у тым ліку адмоўленыя: хто, што, калі і што змянілася. Паролі, токены і сакрэты не захоўваюцца.',
  'audit.adminsOnly': 'Журнал дзеянняў даступны толькі адміністратарам.',
  'audit.entity': 'Аб’ект',
  'audit.actor': 'Хто',
  'audit.from': 'З даты',
  'audit.to': 'Па дату',
  'audit.all': 'Усе',
  'audit.done': 'Выкананыя',
  'audit.refused': 'Адмоўленыя',
  'audit.empty': 'Дзеянняў не знойдзена.',
  'audit.at': 'Калі',
  'audit.action': 'Дзеянне',
  'audit.subject': 'Над чым',
  'audit.status': 'Адказ',
  'audit.url': 'Адрас',
  'audit.field': 'Поле',
  'audit.request': 'Запыт',
  'audit.before': 'Да',
  'audit.after': 'Пасля',
};
