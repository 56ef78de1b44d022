import { LANG_SON_DEMO_UNITS, LANG_SON_DIVISIONS_2017, demoUnitId } from '@giaoviec/shared';
import { contractOperation } from './harness/graphql-client';
import { startTestStack, type TestStack } from './harness/stack';

const ORGANISATIONS = contractOperation('organisations.graphql', 'Organisations');
const ORGANISATION = contractOperation('organisations.graphql', 'Organisation');
const CREATE = contractOperation('organisations.graphql', 'CreateOrganisation');
const UPDATE = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name kind parent { id } } }`;
const COUNT = `{ organisations { id code name kind } }`;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack({ demoData: true });
});

afterAll(async () => {
  await stack?.stop();
});

const client = () => stack.gateway.client;
const province = demoUnitId('UBND-LS');

describe('the contract operations of organisations.graphql, through the gateway', () => {
  it('Organisations lists every Lạng Sơn unit, of 2017 and of 2025, filtered by kind', async () => {
    const all = await client().data<{ organisations: any[] }>(ORGANISATIONS);
    expect(all.organisations).toHaveLength(LANG_SON_DEMO_UNITS.length);
    expect(all.organisations[0]).toMatchObject({ code: 'UBND-LS', kind: 'PEOPLES_COMMITTEE', parent: null });

    const districts = await client().data<{ organisations: any[] }>(ORGANISATIONS, { kinds: ['DISTRICT'] });
    expect(districts.organisations.map((unit) => unit.name)).toContain('Huyện Cao Lộc');
    expect(districts.organisations).toHaveLength(11);
    for (const unit of districts.organisations) expect(unit.parent).toEqual({ id: province, code: 'UBND-LS' });

    const some = await client().data<{ organisations: any[] }>(ORGANISATIONS, { kinds: ['OFFICE', 'DEPARTMENT'] });
    expect(new Set(some.organisations.map((unit) => unit.kind))).toEqual(new Set(['OFFICE', 'DEPARTMENT']));
    expect(some.organisations.find((unit) => unit.code === 'SXD')).toMatchObject({
      name: 'Sở Xây dựng',
      kind: 'DEPARTMENT',
    });
  });

  it('Organisation reads one unit with its parent and children, and null for an unknown id', async () => {
    const { organisation } = await client().data<{ organisation: any }>(ORGANISATION, { id: province });
    expect(organisation).toMatchObject({ code: 'UBND-LS', kind: 'PEOPLES_COMMITTEE', parent: null });
    expect(organisation.children).toHaveLength(LANG_SON_DEMO_UNITS.length - 1 - LANG_SON_DIVISIONS_2017.length);

    const construction = await client().data<{ organisation: any }>(ORGANISATION, { id: demoUnitId('SXD') });
    expect(construction.organisation).toMatchObject({ code: 'SXD', parent: { code: 'UBND-LS' } });
    // Its divisions (phòng) are its only children.
    expect(construction.organisation.children.map((unit: any) => unit.code)).toEqual([
      'SXD-HTKT',
      'SXD-QHKT',
      'SXD-QLXD',
    ]);

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await client().data(ORGANISATION, { id })).toEqual({ organisation: null });
    }
  });

  it('CreateOrganisation adds a unit, normalised, under its parent', async () => {
    const input = {
      code: ' xa-mai-pha ',
      name: ' Xã  Mai Pha '.normalize('NFD'),
      kind: 'COMMUNE',
      parentId: demoUnitId('TP-LS'),
    };
    const { createOrganisation } = await client().data<{ createOrganisation: any }>(CREATE, { input });
    expect(createOrganisation).toMatchObject({ code: 'XA-MAI-PHA', name: 'Xã Mai Pha', kind: 'COMMUNE' });

    const { organisation } = await client().data<{ organisation: any }>(ORGANISATION, { id: createOrganisation.id });
    expect(organisation.parent).toEqual({ id: demoUnitId('TP-LS'), code: 'TP-LS' });
    const city = await client().data<{ organisation: any }>(ORGANISATION, { id: demoUnitId('TP-LS') });
    expect(city.organisation.children).toEqual([{ id: createOrganisation.id, code: 'XA-MAI-PHA' }]);
  });
});

describe('bad input to createOrganisation and updateOrganisation changes nothing', () => {
  const snapshot = async () => (await client().data<{ organisations: any[] }>(COUNT)).organisations;

  it.each([
    ['an empty name', { code: 'NEW1', name: '   ', kind: 'DEPARTMENT' }, 'BAD_USER_INPUT', 'name'],
    ['an over-long name', { code: 'NEW2', name: 'x'.repeat(256), kind: 'DEPARTMENT' }, 'BAD_USER_INPUT', 'name'],
    ['a control character', { code: 'NEW3', name: 'Sở\u0007', kind: 'DEPARTMENT' }, 'BAD_USER_INPUT', 'name'],
    ['an invalid code', { code: 'SỞ MỚI', name: 'Sở mới', kind: 'DEPARTMENT' }, 'BAD_USER_INPUT', 'code'],
    [
      'an unknown parent',
      { code: 'NEW4', name: 'Sở mới', kind: 'DEPARTMENT', parentId: '00000000-0000-4000-8000-000000000000' },
      'BAD_USER_INPUT',
      'parentId',
    ],
    [
      'a parent id that is no id',
      { code: 'NEW5', name: 'Sở mới', kind: 'DEPARTMENT', parentId: 'x' },
      'BAD_USER_INPUT',
      'parentId',
    ],
    ['a duplicate code', { code: 'sxd', name: 'Sở Xây dựng 2', kind: 'DEPARTMENT' }, 'CONFLICT', 'code'],
  ])('%s', async (_case, input, code, field) => {
    const before = await snapshot();
    const result = await client().request(CREATE, { input });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code, field });
    expect(result.errors![0]!.extensions!.requestId).toEqual(expect.any(String));
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown kind is refused by the schema', async () => {
    const before = await snapshot();
    const result = await client().request(CREATE, { input: { code: 'NEW6', name: 'Sở mới', kind: 'MINISTRY' } });
    expect(result.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toContain('MINISTRY');
    expect(await snapshot()).toEqual(before);
  });

  it('a unit cannot be moved under itself or its descendants', async () => {
    const parent = await client().data<{ createOrganisation: any }>(CREATE, {
      input: { code: 'P1', name: 'Cấp trên', kind: 'OTHER' },
    });
    const child = await client().data<{ createOrganisation: any }>(CREATE, {
      input: { code: 'P1-C', name: 'Cấp dưới', kind: 'OTHER', parentId: parent.createOrganisation.id },
    });
    const grandchild = await client().data<{ createOrganisation: any }>(CREATE, {
      input: { code: 'P1-CC', name: 'Cấp dưới nữa', kind: 'OTHER', parentId: child.createOrganisation.id },
    });
    const [top, middle, bottom] = [parent, child, grandchild].map((unit) => unit.createOrganisation.id as string);
    const before = await snapshot();
    for (const [id, parentId] of [
      [top, top],
      [top, bottom],
      [middle, bottom],
    ]) {
      const result = await client().request(UPDATE, { input: { id, parentId } });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    }
    expect(await snapshot()).toEqual(before);

    const moved = await client().data<{ updateOrganisation: any }>(UPDATE, {
      input: { id: grandchild.createOrganisation.id, parentId: parent.createOrganisation.id, name: 'Đã chuyển' },
    });
    expect(moved.updateOrganisation).toEqual({
      id: grandchild.createOrganisation.id,
      name: 'Đã chuyển',
      kind: 'OTHER',
      parent: { id: parent.createOrganisation.id },
    });
    const detached = await client().data<{ updateOrganisation: any }>(UPDATE, {
      input: { id: middle, parentId: null },
    });
    expect(detached.updateOrganisation.parent).toBeNull();
  });

  it('a document asking for an unknown field is a validation error', async () => {
    const result = await client().request('{ organisations { nope } }');
    expect(result.status).toBe(400);
    expect(result.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
