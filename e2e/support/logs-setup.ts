import fs from 'node:fs';
import { LOG_DIR } from '../../scripts/log-scan/scan.ts';

/** Each browser run starts with no logs, so the final scan reads this run's only. */
export default function setup() {
  fs.rmSync(LOG_DIR, { recursive: true, force: true });
  fs.mkdirSync(LOG_DIR, { recursive: true });
}
