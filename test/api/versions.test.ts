/**
 * What the graph said, and who let it in: an update keeps the state it replaces as a version,
 * a retraction too, and `history(id)` lists them newest first with the write that recorded
 * each, why, and the fields it changed. The suite owns its data: the FX Corp world.
 */
import { createApiKey } from '../../src/api/auth/api-keys.store';
import type { Database } from '../../src/db';
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph, testDatabase } from '../helpers/graph';

const HISTORY = `query ($id: ID!) { history(id: $id) { id label versions {
  current change changedFields operation source keyId entry recordedFrom recordedUntil } } }`;

describe('versions and history', () => {
  let db: Database;
  let api: TestApi;
  let curator = '';
  let curatorKeyId = '';

  beforeAll(async () => {
    db = testDatabase();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    const key = await createApiKey(db, 'curator', 'versions test');
    curator = `Bearer ${key.token}`;
    curatorKeyId = key.token.split('_')[1]!;
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api.close();
    await db.close();
  });

  const proTraining = () => rulesBundle().practices!.find((p) => p.id === 'fx-pro-training')!;

  it('keeps the state an update replaces, with who, when, why and what changed', async () => {
    const changed = {
      ...proTraining(),
      rights: [
        { right: 'OBJECT', status: 'ON_REQUEST', mechanism: 'E-mail to privacy@fx.example' },
      ],
    };
    const res = await api.gql(
      `mutation ($b: BundleInput!) { ingestBundle(bundle: $b, source: "FX policy of March 2026") { auditId } }`,
      { b: { practices: [changed] } },
      curator,
    );
    expect(res.errors).toBeUndefined();

    const history = await api.gql(HISTORY, { id: 'fx-pro-training' }, curator);
    expect(history.errors).toBeUndefined();
    const [now, before, ...older] = history.data!.history.versions;
    expect(history.data!.history.label).toBe('Practice');
    expect(older).toEqual([]);
    expect(now).toMatchObject({
      current: true,
      change: 'UPDATED',
      changedFields: ['rights'],
      operation: 'ingestBundle',
      source: 'FX policy of March 2026',
      keyId: curatorKeyId,
      recordedUntil: null,
    });
    expect(before).toMatchObject({ current: false, change: 'CREATED', changedFields: [] });
    // The state before, as it was written: objecting was in the product.
    expect(JSON.parse(before.entry).rights).toContainEqual(
      expect.objectContaining({ right: 'OBJECT', status: 'IN_PRODUCT' }),
    );
    expect(JSON.parse(now.entry).rights).toContainEqual(
      expect.objectContaining({ right: 'OBJECT', status: 'ON_REQUEST' }),
    );
    expect(before.recordedUntil).toBe(now.recordedFrom);
    // Readers see what changed and why, not whose key wrote it.
    const anonymous = await api.gql(HISTORY, { id: 'fx-pro-training' });
    expect(anonymous.data!.history.versions.map((v: any) => v.keyId)).toEqual([null, null]);
    expect(anonymous.data!.history.versions[0].source).toBe('FX policy of March 2026');
  });

  it('writes no version when nothing changed', async () => {
    const before = await api.gql(HISTORY, { id: 'fx-free-training' });
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    const after = await api.gql(HISTORY, { id: 'fx-free-training' });
    expect(after.data!.history.versions).toHaveLength(1);
    expect(after.data).toEqual(before.data);
  });

  it('keeps a retraction as a version, with its reason, and deletes nothing', async () => {
    const retracted = await api.gql(
      `mutation { retract(id: "fx-complaint-2025", reason: "Filed twice by mistake") { id } }`,
      {},
      curator,
    );
    expect(retracted.errors).toBeUndefined();
    const history = await api.gql(HISTORY, { id: 'fx-complaint-2025' }, curator);
    const [now, before] = history.data!.history.versions;
    expect(now).toMatchObject({
      current: true,
      change: 'RETRACTED',
      changedFields: [],
      operation: 'retract',
      source: 'Filed twice by mistake',
      keyId: curatorKeyId,
    });
    expect(now.entry).toBe(before.entry);
    expect(before).toMatchObject({ current: false, change: 'CREATED' });
  });

  it('answers NOT_FOUND for an unknown id, naming it', async () => {
    const res = await api.gql(HISTORY, { id: 'no-such-entity' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(res.errors?.[0]?.message).toBe('no entity with id "no-such-entity"');
  });
});
