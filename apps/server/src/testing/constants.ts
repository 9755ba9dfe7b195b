export const TEMPLATE_DB = 'yz_template';
/** A fixed data key for tests only (32 zero-ish bytes); never used outside the test harness. */
export const TEST_DATA_KEY = Buffer.from('yuanzhi-test-key-0123456789abcde').toString('base64');
