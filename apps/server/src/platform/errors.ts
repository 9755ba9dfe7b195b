/**
 * Named errors that services throw. One mapper (http/error-handler.ts) turns them into
 * an HTTP answer with a Chinese and an English message and the offending field.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageZh: string,
    readonly messageEn: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    super(messageEn);
  }
}

export const NotFound = (what = 'record', whatZh = '记录') =>
  new AppError(404, 'not_found', `${whatZh}不存在或无权访问`, `${what} not found`);

export const Forbidden = () => new AppError(403, 'forbidden', '无权执行此操作', 'You may not do this');

export const Unauthenticated = () => new AppError(401, 'unauthenticated', '请先登录', 'Please sign in');

export const Conflict = (code: string, zh: string, en: string, field?: string) => new AppError(409, code, zh, en, field);

export const Invalid = (field: string, zh: string, en: string) => new AppError(422, 'invalid', zh, en, field);
