import { describe, expect, it } from 'vitest';
import { circularLayout, labelAnchor, shorten } from './graphLayout';

const org = (id: number, name: string, country = 'BY') => ({ id, name, country });

describe('circularLayout', () => {
  it('puts the organization asked for in the centre and its partners on a circle around it', () => {
    const layout = circularLayout([org(1, 'Интеграл'), org(2, 'БелАЗ'), org(3, 'Миландр', 'RU'), org(4, 'МАЗ')], 1);
    const c = layout.width / 2;
    expect(layout.positions.get(1)).toEqual({ x: c, y: c });
    const radii = [2, 3, 4].map((id) => Math.hypot(layout.positions.get(id)!.x - c, layout.positions.get(id)!.y - c));
    for (const r of radii) expect(r).toBeCloseTo(radii[0], 0);
    expect(layout.positions.size).toBe(4);
  });

  it('groups the circle by country, then by name, whatever the order given', () => {
    const a = circularLayout([org(3, 'Миландр', 'RU'), org(2, 'БелАЗ'), org(4, 'МАЗ')]);
    const b = circularLayout([org(4, 'МАЗ'), org(2, 'БелАЗ'), org(3, 'Миландр', 'RU')]);
    expect([...a.positions.entries()].sort()).toEqual([...b.positions.entries()].sort());
    // the first of the sorted ring (BY, БелАЗ) sits at the top
    expect(a.positions.get(2)!.y).toBeLessThan(a.positions.get(4)!.y);
    expect(a.positions.get(2)!.x).toBeCloseTo(a.width / 2, 5);
  });

  it('grows with the number of organizations and keeps every one inside the picture', () => {
    const many = Array.from({ length: 120 }, (_, i) => org(i + 1, `Орг ${i}`, i % 2 ? 'RU' : 'BY'));
    const small = circularLayout(many.slice(0, 5));
    const big = circularLayout(many);
    expect(big.width).toBeGreaterThan(small.width);
    for (const p of big.positions.values()) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.y).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(big.width);
      expect(p.y).toBeLessThan(big.height);
    }
  });

  it('handles an empty graph and a lone organization', () => {
    expect(circularLayout([]).positions.size).toBe(0);
    const lone = circularLayout([org(7, 'Одна')]);
    expect(lone.positions.get(7)).toEqual({ x: lone.width / 2, y: lone.height / 2 });
  });
});

describe('shorten and labelAnchor', () => {
  it('stops a line short of its end, or at the end when it is shorter than the gap', () => {
    expect(shorten({ x: 0, y: 0 }, { x: 100, y: 0 }, 20)).toEqual({ x: 80, y: 0 });
    expect(shorten({ x: 0, y: 0 }, { x: 10, y: 0 }, 20)).toEqual({ x: 10, y: 0 });
  });

  it('anchors labels outward', () => {
    const layout = { width: 200, height: 200, positions: new Map() };
    expect(labelAnchor({ x: 180, y: 100 }, layout)).toBe('start');
    expect(labelAnchor({ x: 20, y: 100 }, layout)).toBe('end');
    expect(labelAnchor({ x: 100, y: 10 }, layout)).toBe('middle');
  });
});
