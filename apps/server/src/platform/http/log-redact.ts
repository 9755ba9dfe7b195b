/** Personal data and credentials never reach the log. */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-track-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.phone',
  '*.idNumber',
  '*.address',
  '*.email',
  '*.code',
];

/**
 * URLs that carry a secret in the path (one-click rating links) are logged without it, and so is typed search text
 * (the `q` parameter): people search for names and phone numbers.
 */
export function redactUrl(url: string): string {
  return url.replace(/^(\/api\/portal\/rate\/)[^/?#]+/, '$1[redacted]').replace(/([?&]q=)[^&#]*/g, '$1[redacted]');
}
