/** How personal data is shown on screen when not revealed. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\s+/g, '');
  if (d.length < 7) return '*'.repeat(d.length);
  return d.slice(0, 3) + '****' + d.slice(-4);
}

export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  const name = email.slice(0, at);
  return (name.length <= 2 ? name[0] + '*' : name[0] + '***' + name.slice(-1)) + email.slice(at);
}

export function maskAddress(addr: string): string {
  // Keep the region part (up to the district), hide the street and number.
  const m = addr.match(/^(.*?(?:区|县|市))/);
  const head = m ? m[1] : addr.slice(0, 6);
  return head + '****';
}
