import { describe, expect, it } from 'vitest';
import { alertConcernsEnterprise, alertMatches, checkinOpen, placeFor, promotions, trainingActions, trainingNext } from './trainings.ts';

describe('training rules', () => {
  it('moves draft → published → held → closed and nowhere else', () => {
    expect(trainingNext('draft', 'publish')).toBe('published');
    expect(trainingNext('published', 'hold')).toBe('held');
    expect(trainingNext('held', 'close')).toBe('closed');
    expect(trainingNext('draft', 'close')).toBeNull();
    expect(trainingNext('closed', 'publish')).toBeNull();
    expect(trainingActions('published')).toEqual(['hold']);
  });

  it('waitlists past capacity and promotes as places free', () => {
    expect(placeFor(2, 1)).toBe('confirmed');
    expect(placeFor(2, 2)).toBe('waitlisted');
    expect(placeFor(null, 999)).toBe('confirmed');
    expect(promotions(2, 1, 3)).toBe(1);
    expect(promotions(2, 2, 3)).toBe(0);
    expect(promotions(5, 1, 2)).toBe(2);
    expect(promotions(null, 10, 4)).toBe(4);
  });

  it('opens check-in three hours either side of the event', () => {
    const s = new Date('2026-12-10T01:00:00Z');
    const e = new Date('2026-12-10T04:00:00Z');
    expect(checkinOpen(new Date('2026-12-09T22:30:00Z'), s, e)).toBe(true);
    expect(checkinOpen(new Date('2026-12-09T21:30:00Z'), s, e)).toBe(false);
    expect(checkinOpen(new Date('2026-12-10T07:30:00Z'), s, e)).toBe(false);
  });

  it('matches alerts to subscriptions by country and industry', () => {
    const alert = { countries: ['US', 'DE'], industries: ['manufacturing'] };
    expect(alertMatches({ countries: ['US'], industries: [] }, alert)).toBe(true);
    expect(alertMatches({ countries: ['US'], industries: ['biomedicine'] }, alert)).toBe(false);
    expect(alertMatches({ countries: ['JP'], industries: ['manufacturing'] }, alert)).toBe(false);
    expect(alertMatches({ countries: [], industries: ['manufacturing'] }, alert)).toBe(true);
  });

  it('sends an alert to the key enterprises it concerns: same industry, exporters only when it is about abroad', () => {
    const abroad = { countries: ['US'], industries: ['manufacturing'] };
    const home = { countries: ['CN'], industries: [] };
    expect(alertConcernsEnterprise({ industry: 'manufacturing', tags: ['exporter'] }, abroad)).toBe(true);
    expect(alertConcernsEnterprise({ industry: 'manufacturing', tags: ['specialised_innovative'] }, abroad)).toBe(false);
    expect(alertConcernsEnterprise({ industry: 'e_commerce', tags: ['exporter'] }, abroad)).toBe(false);
    expect(alertConcernsEnterprise({ industry: null, tags: ['exporter'] }, abroad)).toBe(false);
    expect(alertConcernsEnterprise({ industry: null, tags: [] }, home)).toBe(true);
    expect(alertConcernsEnterprise({ industry: 'e_commerce', tags: [] }, { countries: [], industries: ['e_commerce'] })).toBe(true);
  });
});
