import { commonPasswords } from './common-passwords.ts';

export interface PasswordProblem {
  code: 'too_short' | 'too_few_classes' | 'common' | 'contains_username';
  zh: string;
  en: string;
}

/**
 * Staff password rules (等保 level 3): at least 8 characters, three of the four character classes
 * (lower, upper, digit, symbol), not a common password, not containing the user name.
 * Applicants need 8 characters and two classes.
 */
export function passwordProblems(pw: string, opts: { staff: boolean; username?: string | null }): PasswordProblem[] {
  const out: PasswordProblem[] = [];
  if (pw.length < 8) out.push({ code: 'too_short', zh: '密码至少 8 位', en: 'At least 8 characters' });
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((r) => r.test(pw)).length;
  const need = opts.staff ? 3 : 2;
  if (classes < need) {
    out.push({
      code: 'too_few_classes',
      zh: `密码须包含大写字母、小写字母、数字、符号中的至少 ${need} 类`,
      en: `Use at least ${need} of: lower-case, upper-case, digits, symbols`,
    });
  }
  const lower = pw.toLowerCase();
  if (commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[\d!@#$%^&*.]+$/, ''))) {
    out.push({ code: 'common', zh: '密码过于常见，请换一个', en: 'This password is too common' });
  }
  if (opts.username && opts.username.length >= 3 && lower.includes(opts.username.toLowerCase())) {
    out.push({ code: 'contains_username', zh: '密码不能包含用户名', en: 'The password must not contain the user name' });
  }
  return out;
}
