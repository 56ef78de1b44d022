import { loaderByArguments } from './dataloader';

describe('loaderByArguments', () => {
  it('calls loadMany once per distinct arguments, with each id once, and falls back for ids it did not find', async () => {
    const calls: Array<{ args: { year: number }; ids: readonly string[] }> = [];
    const loader = loaderByArguments<{ year: number }, string>(
      async (args, ids) => {
        calls.push({ args, ids });
        return new Map(ids.filter((id) => id !== 'missing').map((id) => [id, `${id}@${args.year}`]));
      },
      (id, args) => `none:${id}@${args.year}`,
    );
    const results = await Promise.all([
      loader.load({ id: 'a', args: { year: 2024 } }),
      loader.load({ id: 'b', args: { year: 2024 } }),
      // Equal arguments in another object: the same group.
      loader.load({ id: 'a', args: { year: 2024 } }),
      loader.load({ id: 'a', args: { year: 2025 } }),
      loader.load({ id: 'missing', args: { year: 2025 } }),
    ]);
    expect(results).toEqual(['a@2024', 'b@2024', 'a@2024', 'a@2025', 'none:missing@2025']);
    expect(calls).toEqual([
      { args: { year: 2024 }, ids: ['a', 'b'] },
      { args: { year: 2025 }, ids: ['a', 'missing'] },
    ]);
  });
});
