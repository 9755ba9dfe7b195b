import { describe, expect, it } from 'vitest';
import { databaseUnavailable } from './error-handler.ts';

describe('databaseUnavailable', () => {
  it.each([
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '57P03', message: 'the database system is starting up' }, true],
    [{ code: '08006', message: 'connection failure' }, true],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [{ code: '22P02', message: 'invalid input syntax for type uuid' }, false],
    [new Error('something else'), false],
  ])('%j → %s', (err, expected) => {
    expect(databaseUnavailable(err)).toBe(expected);
  });
});
