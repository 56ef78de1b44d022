import { ByteBoundedLru } from './lru';

describe('ByteBoundedLru', () => {
  it('charges each value its bytes and evicts the least recently used past the bound', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    expect(lru.get('a')).toBe('A'); // now b is the least recent
    lru.set('c', 'C', 40);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['A', undefined, 'C']);
    expect(lru.bytes).toBe(80);
    expect(lru.size).toBe(2);
  });

  it('recharges a replaced value and frees a deleted one', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('a', 'A2', 70);
    expect(lru.bytes).toBe(70);
    lru.delete('a');
    lru.delete('a');
    expect([lru.bytes, lru.size]).toEqual([0, 0]);
  });

  it('never keeps a value heavier than the whole bound, nor evicts others for it', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 60);
    lru.set('huge', 'H', 101);
    expect([lru.get('huge'), lru.get('a'), lru.bytes]).toEqual([undefined, 'A', 60]);
  });
});
