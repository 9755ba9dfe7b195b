import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { registerWeb } from './web.ts';

let dir: string;
const app = Fastify();
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<p>portal</p>');
  fs.writeFileSync(path.join(dir, 'console.html'), '<p>console</p>');
  fs.writeFileSync(path.join(dir, 'assets', 'main-Ab12Cd34.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  await registerWeb(app, dir);
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('lets the browser keep the hashed assets for good, and asks again for the pages each time', async () => {
  const asset = await app.inject('/assets/main-Ab12Cd34.js');
  expect(asset.statusCode).toBe(200);
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  const icon = await app.inject('/favicon.svg');
  expect(icon.statusCode).toBe(200);
  expect(icon.headers['cache-control']).not.toContain('immutable');
  const page = await app.inject('/console/cases');
  expect(page.body).toBe('<p>console</p>');
  expect(page.headers['cache-control']).toBe('no-cache');
  expect((await app.inject('/trainings')).body).toBe('<p>portal</p>');
});

it('answers a missing asset or API path with a 404 in both languages, not the page', async () => {
  const r = await app.inject('/assets/gone-XXXX.js');
  expect(r.statusCode).toBe(404);
  expect(r.json().error).toMatchObject({ code: 'not_found', message: '页面或接口不存在', messageEn: 'Not found' });
  expect((await app.inject('/api/nothing')).statusCode).toBe(404);
});
