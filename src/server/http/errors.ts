/**
 * Errors a person can act on: every failure is a 4xx JSON body `{ error, message }` with the message in
 * the request's language (ru, be or en from Accept-Language), never a stack trace.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

type Lang = 'ru' | 'be' | 'en';
type Template = Record<Lang, string>;

const MESSAGES = {
  not_found: { ru: 'Не найдено: {what}', be: 'Не знойдзена: {what}', en: 'Not found: {what}' },
  route_not_found: { ru: 'Нет такого адреса API: {what}', be: 'Няма такога адраса API: {what}', en: 'No such API route: {what}' },
  invalid_request: { ru: 'Неверный запрос: {what}', be: 'Няправільны запыт: {what}', en: 'Invalid request: {what}' },
  invalid_json: { ru: 'Тело запроса не является корректным JSON', be: 'Цела запыту не з’яўляецца карэктным JSON', en: 'The request body is not valid JSON' },
  body_too_large: {
    ru: 'Тело запроса больше допустимых {what} байт',
    be: 'Цела запыту большае за дапушчальныя {what} байт',
    en: 'The request body is larger than the allowed {what} bytes',
  },
  unsupported_media_type: {
    ru: 'Неподдерживаемый тип содержимого: {what}',
    be: 'Тып змесціва не падтрымліваецца: {what}',
    en: 'Unsupported content type: {what}',
  },
  unauthenticated: { ru: 'Требуется вход в систему', be: 'Патрабуецца ўваход у сістэму', en: 'Sign-in required' },
  bad_credentials: { ru: 'Неверная электронная почта или пароль', be: 'Няправільная электронная пошта або пароль', en: 'Wrong email or password' },
  csrf: {
    ru: 'Отсутствует или неверен заголовок x-csrf-token; обновите страницу',
    be: 'Адсутнічае або няправільны загаловак x-csrf-token; абнавіце старонку',
    en: 'Missing or wrong x-csrf-token header; reload the page',
  },
  forbidden: { ru: 'Недостаточно прав: {what}', be: 'Недастаткова правоў: {what}', en: 'Not allowed: {what}' },
  token_read_only: {
    ru: 'Токен только для чтения не может изменять данные',
    be: 'Токен толькі для чытання не можа змяняць даныя',
    en: 'A read-only token cannot change data',
  },
  conflict: { ru: 'Конфликт: {what}', be: 'Канфлікт: {what}', en: 'Conflict: {what}' },
  too_many_requests: {
    ru: 'Слишком много запросов, повторите через {what}',
    be: 'Занадта шмат запытаў, паўтарыце праз {what}',
    en: 'Too many requests, retry in {what}',
  },
  internal: {
    ru: 'Внутренняя ошибка сервера; запрос не выполнен',
    be: 'Унутраная памылка сервера; запыт не выкананы',
    en: 'Internal server error; the request was not carried out',
  },
} satisfies Record<string, Template>;

export type ErrorCode = keyof typeof MESSAGES;

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly what: string = '',
  ) {
    super(MESSAGES[code].en.replace('{what}', what));
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', what);
export const forbidden = (what: string) => new AppError(403, 'forbidden', what);
export const conflict = (what: string) => new AppError(409, 'conflict', what);
export const invalid = (what: string) => new AppError(400, 'invalid_request', what);

export function requestLanguage(request: FastifyRequest): Lang {
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2);
    if (tag === 'ru' || tag === 'be' || tag === 'en') return tag;
  }
  return 'en';
}

export function message(request: FastifyRequest, code: ErrorCode, what = ''): string {
  return MESSAGES[code][requestLanguage(request)].replace('{what}', what);
}

function send(reply: FastifyReply, status: number, code: ErrorCode, what = '') {
  return reply.status(status).send({ error: code, message: message(reply.request, code, what) });
}

/** Maps every error to a clear response; unknown errors are logged and answered with a generic 500. */
export function errorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return send(reply, error.statusCode, error.code, error.what);
  const e = error as FastifyError;
  if (e.validation) {
    const details = e.validation.map((v) => describeValidation(v, e.validationContext)).join('; ');
    return send(reply, 400, 'invalid_request', details);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, 'invalid_json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return send(reply, 413, 'body_too_large', String(request.routeOptions.bodyLimit ?? ''));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return send(reply, 415, 'unsupported_media_type', String(request.headers['content-type'] ?? ''));
  }
  if (e instanceof SyntaxError && e.statusCode === 400) return send(reply, 400, 'invalid_json');
  if (isMalformedMultipart(e)) return send(reply, 400, 'invalid_request', `malformed multipart/form-data (${e.message})`);
  // PostgreSQL refuses text it cannot store (a NUL character, e.g. in an uploaded file's name) as 22021; the
  // statement did not run. Request fields are checked before any handler (see storable.ts); this is the net.
  if ((e as { code?: unknown }).code === '22021') {
    request.log.warn({ err: error }, 'text the database cannot store');
    return send(reply, 400, 'invalid_request', 'the request holds text that cannot be stored (a NUL character or invalid UTF-8)');
  }
  if (e.statusCode === 429) return send(reply, 429, 'too_many_requests', String(reply.getHeader('retry-after') ?? '60') + ' s');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return send(reply, e.statusCode, 'invalid_request', e.message);
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, 500, 'internal');
}

/** The multipart parser (busboy) throws plain errors, without a status, for a body that is not what its header says. */
function isMalformedMultipart(e: Error): boolean {
  return (
    !('statusCode' in e && e.statusCode) && (e.message.startsWith('Multipart: ') || /unexpected end of multipart data|malformed part header/i.test(e.message))
  );
}

interface ValidationIssue {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** "body.email must match format email", "unknown field isAdmin in body", "query.status must be one of …". */
function describeValidation(v: ValidationIssue, context: string | undefined): string {
  const where = [context, ...(v.instancePath ?? '').split('/').filter(Boolean)].filter(Boolean).join('.');
  if (v.keyword === 'additionalProperties') return `unknown field "${String(v.params?.additionalProperty)}" in ${where}`;
  return `${where} ${v.message ?? 'is invalid'}`;
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, 404, 'route_not_found', `${request.method} ${request.url.split('?')[0]}`);
}
