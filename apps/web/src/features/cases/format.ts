import dayjs from 'dayjs';

/** Date and time as the console shows them everywhere: 2026-11-22 09:30 (the browser's time zone). */
export const fmtTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
