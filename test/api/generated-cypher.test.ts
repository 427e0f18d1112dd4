/**
 * The Cypher each headline question produces, pinned (as the Neo4j GraphQL Library's TCK tests
 * do), so that a change to a query plan is visible in review. Every query also runs against
 * the real Neo4j and must answer: a snapshot of a query that fails pins nothing.
 */
import { ingest } from '../../src/graph';
import { rulesBundle } from '../fixtures/rules';
import { startTestApi, type TestApi } from '../helpers/api';
import { resetGraph } from '../helpers/graph';
import { type RecordedQuery, RecordingDatabase } from '../helpers/recording-database';

/** Integers travel as the driver's Integer: shown as plain numbers. */
function plain(params: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(params, (_k, v: unknown) =>
      v !== null && typeof v === 'object' && 'low' in v && 'high' in v
        ? (v as { low: number }).low
        : v,
    ),
  ) as Record<string, unknown>;
}

describe('the Cypher of the headline questions', () => {
  let db: RecordingDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = RecordingDatabase.forWorker();
    await resetGraph(db);
    await ingest(db, [{ file: 'rules', data: rulesBundle() }]);
    api = await startTestApi(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });

  /** Runs a query, checks it answered, and returns the Cypher it ran. */
  async function cypherOf(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<RecordedQuery[]> {
    db.take();
    const res = await api.gql(query, variables);
    expect(res.errors).toBeUndefined();
    return db.take().map((q) => ({ ...q, params: plain(q.params) }));
  }

  it('plansDenyingRight', async () => {
    const [q] = await cypherOf(`{
      plansDenyingRight(right: OBJECT, purpose: "ai-model-training", asOf: "2025-03-01") {
        totalCount nodes { plan { id name } status disputed disputes { alternative claimedBy { name } } }
      }
    }`);
    expect(q).toMatchInlineSnapshot(`
     {
       "cypher": "// plansDenyingRight
     RETURN true AS found, {t: COUNT {
       MATCH (this0:Right { code: $param0 })<-[this1:HANDLES]-(this2:Practice)
       WHERE (this1.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND (this2.inForceFrom <= date($param1) AND (this2.inForceUntil IS NULL OR this2.inForceUntil > date($param1)) AND (this2.retractedAt IS NULL OR date(this2.retractedAt) > date($param1))) AND ($param2 IN this2.scope OR 'WORLDWIDE' IN this2.scope))
       WITH this0, this1, this2
       WHERE ($param3 IS NULL OR EXISTS {
         (this2)-[:FOR_PURPOSE]->(this3:Purpose { id: $param3 })
       })
       MATCH (this2)-[:APPLIES_TO]->(this4:Plan)-[:OF]->(this5:Product)-[:OFFERED_BY]->(this6:Company)
       WHERE (this4.availableFrom <= date($param1) AND (this4.availableUntil IS NULL OR this4.availableUntil > date($param1)))
       WITH {company: this6, product: this5, plan: this4, practice: this2, handles: this1, right: this0, companyName: this6.name, productName: this5.name, rank: CASE this4.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this4.id, practiceId: this2.id} AS this7
       RETURN this7
     }, r: COLLECT {
       MATCH (this8:Right { code: $param4 })<-[this9:HANDLES]-(this10:Practice)
       WHERE (this9.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND (this10.inForceFrom <= date($param1) AND (this10.inForceUntil IS NULL OR this10.inForceUntil > date($param1)) AND (this10.retractedAt IS NULL OR date(this10.retractedAt) > date($param1))) AND ($param2 IN this10.scope OR 'WORLDWIDE' IN this10.scope))
       WITH this8, this9, this10
       WHERE ($param3 IS NULL OR EXISTS {
         (this10)-[:FOR_PURPOSE]->(this11:Purpose { id: $param3 })
       })
       MATCH (this10)-[:APPLIES_TO]->(this12:Plan)-[:OF]->(this13:Product)-[:OFFERED_BY]->(this14:Company)
       WHERE (this12.availableFrom <= date($param1) AND (this12.availableUntil IS NULL OR this12.availableUntil > date($param1)))
       WITH {company: this14, product: this13, plan: this12, practice: this10, handles: this9, right: this8, companyName: this14.name, productName: this13.name, rank: CASE this12.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this12.id, practiceId: this10.id} AS this7
       WITH this7
       ORDER BY this7.companyName ASC, this7.productName ASC, this7.rank ASC, this7.planId ASC, this7.practiceId ASC
       LIMIT $param5
       RETURN {k: [this7.companyName, this7.productName, this7.rank, this7.planId, this7.practiceId], n: [[head([this15 IN [this7.plan] WHERE this15 IS NOT NULL | [this15.id, this15.name]]), this7.handles.status, (this7.practice IS NOT NULL AND EXISTS {
         WITH this7.practice AS this16, this7.right.code AS var17
         MATCH (this16)-[this18:EVIDENCED_BY]->(this19:Source)
         WHERE (this18.stance = 'DISPUTES' AND (this18.claim = 'WHOLE' OR (this18.claim = 'RIGHT' AND this18.right = var17)))
         RETURN this18
       }), COLLECT {
         WITH this7.practice AS this20, this7.right.code AS var21
         MATCH (this20)-[this22:EVIDENCED_BY]->(this23:Source)
         WHERE (this22.stance = 'DISPUTES' AND (this22.claim = 'WHOLE' OR (this22.claim = 'RIGHT' AND this22.right = var21)))
         WITH this23, this22
         ORDER BY this23.publishedAt ASC, this23.id ASC
         RETURN [this22.alternative, head([this24 IN [CASE
           WHEN this22.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this25:(Company|Party|Authority))
             WHERE this25.id = this22.claimedBy
             RETURN this25
           })
         END] WHERE this24 IS NOT NULL | [this24.name]])]
       }]]}
     }} AS root",
       "name": "plansDenyingRight",
       "params": {
         "param0": "OBJECT",
         "param1": "2025-03-01",
         "param2": "EEA",
         "param3": "ai-model-training",
         "param4": "OBJECT",
         "param5": 21,
       },
     }
    `);
  });

  it('rightsMatrix', async () => {
    const [q] = await cypherOf(`{
      rightsMatrix(companies: ["fx-corp"], rights: [OBJECT, ACCESS], purpose: "ai-model-training", asOf: "2025-03-01") {
        totalCount rows { plan { id paid } cells { right status mechanism disputed } }
      }
    }`);
    expect(q).toMatchInlineSnapshot(`
     {
       "cypher": "// rightsMatrix
     RETURN {t: COUNT {
       MATCH (this0:Company)<-[:OFFERED_BY]-(this1:Product)<-[:OF]-(this2:Plan)
       WHERE (this0.id IN $param0 AND (this2.availableFrom <= date($param1) AND (this2.availableUntil IS NULL OR this2.availableUntil > date($param1))))
       WITH {company: this0, product: this1, plan: this2, companyName: this0.name, productName: this1.name, rank: CASE this2.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this2.id} AS this3
       RETURN this3
     }, r: COLLECT {
       MATCH (this4:Company)<-[:OFFERED_BY]-(this5:Product)<-[:OF]-(this6:Plan)
       WHERE (this4.id IN $param2 AND (this6.availableFrom <= date($param1) AND (this6.availableUntil IS NULL OR this6.availableUntil > date($param1))))
       WITH {company: this4, product: this5, plan: this6, companyName: this4.name, productName: this5.name, rank: CASE this6.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this6.id} AS this3
       WITH this3
       ORDER BY this3.companyName ASC, this3.productName ASC, this3.rank ASC, this3.planId ASC
       LIMIT $param3
       RETURN {k: [this3.companyName, this3.productName, this3.rank, this3.planId], n: [[head([this7 IN [this3.plan] WHERE this7 IS NOT NULL | [this7.id, this7.paid]]), COLLECT {
         WITH this3.plan AS this8
         WITH COLLECT {
           MATCH (this8)<-[:APPLIES_TO]-(this9:Practice)
           WHERE ((this9.inForceFrom <= date($param1) AND (this9.inForceUntil IS NULL OR this9.inForceUntil > date($param1)) AND (this9.retractedAt IS NULL OR date(this9.retractedAt) > date($param1))) AND ($param4 IN this9.scope OR 'WORLDWIDE' IN this9.scope))
           WITH this9
           WHERE ($param5 IS NULL OR EXISTS {
             (this9)-[:FOR_PURPOSE]->(this10:Purpose { id: $param5 })
           })
           MATCH (this9)-[this11:HANDLES]->(this12)
           WHERE this12.code IN $param6
           WITH this12, this9, this11
           ORDER BY this9.inForceFrom DESC, this9.id ASC
           RETURN {code: this12.code, practice: this9, handles: this11}
         } AS var13
         UNWIND [var15 IN $param6 | coalesce(head([var14 IN var13 WHERE var14.code = var15]), {code: var15})] AS this16
         WITH this16
         RETURN [this16.code, coalesce(this16.handles.status, 'UNKNOWN'), this16.handles.mechanism, (this16.practice IS NOT NULL AND EXISTS {
           WITH this16.practice AS this17, this16.code AS var18
           MATCH (this17)-[this19:EVIDENCED_BY]->(this20:Source)
           WHERE (this19.stance = 'DISPUTES' AND (this19.claim = 'WHOLE' OR (this19.claim = 'RIGHT' AND this19.right = var18)))
           RETURN this19
         })]
       }]]}
     }} AS root",
       "name": "rightsMatrix",
       "params": {
         "param0": [
           "fx-corp",
         ],
         "param1": "2025-03-01",
         "param2": [
           "fx-corp",
         ],
         "param3": 21,
         "param4": "EEA",
         "param5": "ai-model-training",
         "param6": [
           "OBJECT",
           "ACCESS",
         ],
       },
     }
    `);
  });

  it('findings: the rules run one fixed query, whatever the kind or selection', async () => {
    const kinds = [
      'RIGHT_CONDITIONED_ON_PAYMENT',
      'RIGHT_ONLY_ON_REQUEST',
      'NO_WAY_TO_OBJECT',
      'TRAINING_ON_BY_DEFAULT',
    ];
    const texts = new Set<string>();
    for (const kind of kinds) {
      const [rules, page] = await cypherOf(
        `query ($kind: FindingKind) { findings(kind: $kind, asOf: "2025-03-01") { totalCount nodes { id kind standing } } }`,
        { kind },
      );
      expect(Object.values(rules!.params)).toContainEqual([kind]);
      texts.add(rules!.cypher);
      expect(page!.name).toBe('findings');
    }
    const [rules, page] = await cypherOf(
      `{ findings(asOf: "2025-03-01") { nodes { explanation company { name } plans { id } provisions { citation } } } }`,
    );
    texts.add(rules!.cypher);
    expect(texts.size).toBe(1);
    expect(rules!.cypher).toMatchInlineSnapshot(`
     "// findingRules
     CALL () {
       WITH 'RIGHT_CONDITIONED_ON_PAYMENT' AS var0
       WHERE 'RIGHT_CONDITIONED_ON_PAYMENT' IN $param0
       MATCH (this1:Company)<-[:OFFERED_BY]-(this2:Product)<-[:OF]-(this3:Plan)<-[:APPLIES_TO]-(this4:Practice)-[this5:HANDLES]->(this6:Right)
       WHERE ((NULL IS NULL OR this1.id IN NULL) AND this5.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND this4.default <> 'NEVER' AND ((this4.inForceFrom <= date($param1) AND (this4.inForceUntil IS NULL OR this4.inForceUntil > date($param1)) AND (this4.retractedAt IS NULL OR date(this4.retractedAt) > date($param1))) AND (this3.availableFrom <= date($param1) AND (this3.availableUntil IS NULL OR this3.availableUntil > date($param1))) AND ($param2 IN this4.scope OR 'WORLDWIDE' IN this4.scope)) AND EXISTS {
         (this7:Provision { id: 'gdpr-12-5' })-[:COVERS]->(this6)
       } AND (NOT (EXISTS {
         (this8:LegalBasis)-[:TRIGGERS]->(this6)
       }) OR NOT (EXISTS {
         (this4)-[:ON_BASIS]->(this9:LegalBasis)
       }) OR EXISTS {
         (this4)-[:ON_BASIS]->(this10:LegalBasis)-[:TRIGGERS]->(this6)
       }))
       MATCH (this4)-[:FOR_PURPOSE]->(this11:Purpose)
       MATCH (this2)<-[:OF]-(this12:Plan)<-[:APPLIES_TO]-(this13:Practice)-[this14:HANDLES]->(this6)
       WHERE (this12 <> this3 AND this14.status IN ['IN_PRODUCT', 'ON_REQUEST'] AND ((this13.inForceFrom <= date($param1) AND (this13.inForceUntil IS NULL OR this13.inForceUntil > date($param1)) AND (this13.retractedAt IS NULL OR date(this13.retractedAt) > date($param1))) AND (this12.availableFrom <= date($param1) AND (this12.availableUntil IS NULL OR this12.availableUntil > date($param1))) AND ($param2 IN this13.scope OR 'WORLDWIDE' IN this13.scope)) AND EXISTS {
         (this13)-[:FOR_PURPOSE]->(this11)
       } AND this12.paid = true)
       WITH this1, this2, this3, this4, this5, this6, this11, {plan: {id: this12.id, name: this12.name, paid: this12.paid}, practice: {id: this13.id, verification: this13.verification, default: this13.default, validFrom: CASE this13.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this13.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this13.validFrom), 7)
         ELSE toString(this13.validFrom)
       END, inForceFrom: toString(this13.inForceFrom), status: this14.status, mechanism: this14.mechanism, evidence: COLLECT {
         MATCH (this13)-[this15:EVIDENCED_BY]->(this16:Source)
         WITH this15, this16
         ORDER BY this16.publishedAt ASC, this16.id ASC
         RETURN {stance: this15.stance, claim: this15.claim, right: this15.right, alternative: this15.alternative, claimant: CASE
           WHEN this15.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this17:(Company|Party|Authority))
             WHERE this17.id = this15.claimedBy
             RETURN this17.name
           })
         END, source: this16.id, publisher: this16.publisher, sourceKind: this16.kind, note: this15.note}
       }, incidents: COLLECT {
         MATCH (this18:Incident)-[:CONCERNS]->(this13)
         WHERE this18.retractedAt IS NULL
         WITH this18
         ORDER BY this18.date ASC, this18.id ASC
         RETURN {id: this18.id, kind: this18.kind, date: CASE this18.datePrecision
           WHEN 'YEAR' THEN left(toString(this18.date), 4)
           WHEN 'MONTH' THEN left(toString(this18.date), 7)
           ELSE toString(this18.date)
         END, authority: head(COLLECT {
           MATCH (this18)-[:BEFORE]->(this19:Authority)
           RETURN this19.name
         })}
       }}} AS var20
       WITH this1, this2, this3, this4, this5, this6, this11, collect(var20) AS var21
       RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', company: {id: this1.id, name: this1.name}, product: {id: this2.id, name: this2.name}, purpose: {id: this11.id, name: this11.name}, right: {code: this6.code, name: this6.name, openedBy: COLLECT {
         MATCH (this22:LegalBasis)-[:TRIGGERS]->(this6)
         WITH this22
         ORDER BY this22.id ASC
         RETURN this22.name
       }, grantedBy: COLLECT {
         MATCH (this6)-[:GRANTED_BY]->(this23:Provision)
         RETURN this23.id
       }}, rightDependsOnBasis: EXISTS {
         (this24:LegalBasis)-[:TRIGGERS]->(this6)
       }, plans: [{id: this3.id, name: this3.name, paid: this3.paid}], practice: {id: this4.id, verification: this4.verification, default: this4.default, validFrom: CASE this4.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this4.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this4.validFrom), 7)
         ELSE toString(this4.validFrom)
       END, inForceFrom: toString(this4.inForceFrom), status: this5.status, mechanism: this5.mechanism, evidence: COLLECT {
         MATCH (this4)-[this25:EVIDENCED_BY]->(this26:Source)
         WITH this25, this26
         ORDER BY this26.publishedAt ASC, this26.id ASC
         RETURN {stance: this25.stance, claim: this25.claim, right: this25.right, alternative: this25.alternative, claimant: CASE
           WHEN this25.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this27:(Company|Party|Authority))
             WHERE this27.id = this25.claimedBy
             RETURN this27.name
           })
         END, source: this26.id, publisher: this26.publisher, sourceKind: this26.kind, note: this25.note}
       }, incidents: COLLECT {
         MATCH (this28:Incident)-[:CONCERNS]->(this4)
         WHERE this28.retractedAt IS NULL
         WITH this28
         ORDER BY this28.date ASC, this28.id ASC
         RETURN {id: this28.id, kind: this28.kind, date: CASE this28.datePrecision
           WHEN 'YEAR' THEN left(toString(this28.date), 4)
           WHEN 'MONTH' THEN left(toString(this28.date), 7)
           ELSE toString(this28.date)
         END, authority: head(COLLECT {
           MATCH (this28)-[:BEFORE]->(this29:Authority)
           RETURN this29.name
         })}
       }}, others: var21, basis: head(COLLECT {
         MATCH (this4)-[:ON_BASIS]->(this30:LegalBasis)
         RETURN {id: this30.id, name: this30.name, definedBy: head(COLLECT {
           MATCH (this30)-[:DEFINED_BY]->(this31)
           RETURN this31.id
         })}
       })} AS var32
       UNION ALL
       WITH 'RIGHT_ONLY_ON_REQUEST' AS var33
       WHERE 'RIGHT_ONLY_ON_REQUEST' IN $param0
       MATCH (this34:Company)<-[:OFFERED_BY]-(this35:Product)<-[:OF]-(this36:Plan)<-[:APPLIES_TO]-(this37:Practice)-[this38:HANDLES]->(this39:Right)
       WHERE ((NULL IS NULL OR this34.id IN NULL) AND this38.status IN ['ON_REQUEST'] AND this37.default <> 'NEVER' AND ((this37.inForceFrom <= date($param1) AND (this37.inForceUntil IS NULL OR this37.inForceUntil > date($param1)) AND (this37.retractedAt IS NULL OR date(this37.retractedAt) > date($param1))) AND (this36.availableFrom <= date($param1) AND (this36.availableUntil IS NULL OR this36.availableUntil > date($param1))) AND ($param2 IN this37.scope OR 'WORLDWIDE' IN this37.scope)) AND EXISTS {
         (this40:Provision { id: 'gdpr-12-2' })-[:COVERS]->(this39)
       } AND (NOT (EXISTS {
         (this41:LegalBasis)-[:TRIGGERS]->(this39)
       }) OR NOT (EXISTS {
         (this37)-[:ON_BASIS]->(this42:LegalBasis)
       }) OR EXISTS {
         (this37)-[:ON_BASIS]->(this43:LegalBasis)-[:TRIGGERS]->(this39)
       }))
       MATCH (this37)-[:FOR_PURPOSE]->(this44:Purpose)
       MATCH (this35)<-[:OF]-(this45:Plan)<-[:APPLIES_TO]-(this46:Practice)-[this47:HANDLES]->(this39)
       WHERE (this45 <> this36 AND this47.status IN ['IN_PRODUCT'] AND ((this46.inForceFrom <= date($param1) AND (this46.inForceUntil IS NULL OR this46.inForceUntil > date($param1)) AND (this46.retractedAt IS NULL OR date(this46.retractedAt) > date($param1))) AND (this45.availableFrom <= date($param1) AND (this45.availableUntil IS NULL OR this45.availableUntil > date($param1))) AND ($param2 IN this46.scope OR 'WORLDWIDE' IN this46.scope)) AND EXISTS {
         (this46)-[:FOR_PURPOSE]->(this44)
       })
       WITH this34, this35, this36, this37, this38, this39, this44, {plan: {id: this45.id, name: this45.name, paid: this45.paid}, practice: {id: this46.id, verification: this46.verification, default: this46.default, validFrom: CASE this46.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this46.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this46.validFrom), 7)
         ELSE toString(this46.validFrom)
       END, inForceFrom: toString(this46.inForceFrom), status: this47.status, mechanism: this47.mechanism, evidence: COLLECT {
         MATCH (this46)-[this48:EVIDENCED_BY]->(this49:Source)
         WITH this48, this49
         ORDER BY this49.publishedAt ASC, this49.id ASC
         RETURN {stance: this48.stance, claim: this48.claim, right: this48.right, alternative: this48.alternative, claimant: CASE
           WHEN this48.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this50:(Company|Party|Authority))
             WHERE this50.id = this48.claimedBy
             RETURN this50.name
           })
         END, source: this49.id, publisher: this49.publisher, sourceKind: this49.kind, note: this48.note}
       }, incidents: COLLECT {
         MATCH (this51:Incident)-[:CONCERNS]->(this46)
         WHERE this51.retractedAt IS NULL
         WITH this51
         ORDER BY this51.date ASC, this51.id ASC
         RETURN {id: this51.id, kind: this51.kind, date: CASE this51.datePrecision
           WHEN 'YEAR' THEN left(toString(this51.date), 4)
           WHEN 'MONTH' THEN left(toString(this51.date), 7)
           ELSE toString(this51.date)
         END, authority: head(COLLECT {
           MATCH (this51)-[:BEFORE]->(this52:Authority)
           RETURN this52.name
         })}
       }}} AS var53
       WITH this34, this35, this36, this37, this38, this39, this44, collect(var53) AS var54
       RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', company: {id: this34.id, name: this34.name}, product: {id: this35.id, name: this35.name}, purpose: {id: this44.id, name: this44.name}, right: {code: this39.code, name: this39.name, openedBy: COLLECT {
         MATCH (this55:LegalBasis)-[:TRIGGERS]->(this39)
         WITH this55
         ORDER BY this55.id ASC
         RETURN this55.name
       }, grantedBy: COLLECT {
         MATCH (this39)-[:GRANTED_BY]->(this56:Provision)
         RETURN this56.id
       }}, rightDependsOnBasis: EXISTS {
         (this57:LegalBasis)-[:TRIGGERS]->(this39)
       }, plans: [{id: this36.id, name: this36.name, paid: this36.paid}], practice: {id: this37.id, verification: this37.verification, default: this37.default, validFrom: CASE this37.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this37.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this37.validFrom), 7)
         ELSE toString(this37.validFrom)
       END, inForceFrom: toString(this37.inForceFrom), status: this38.status, mechanism: this38.mechanism, evidence: COLLECT {
         MATCH (this37)-[this58:EVIDENCED_BY]->(this59:Source)
         WITH this58, this59
         ORDER BY this59.publishedAt ASC, this59.id ASC
         RETURN {stance: this58.stance, claim: this58.claim, right: this58.right, alternative: this58.alternative, claimant: CASE
           WHEN this58.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this60:(Company|Party|Authority))
             WHERE this60.id = this58.claimedBy
             RETURN this60.name
           })
         END, source: this59.id, publisher: this59.publisher, sourceKind: this59.kind, note: this58.note}
       }, incidents: COLLECT {
         MATCH (this61:Incident)-[:CONCERNS]->(this37)
         WHERE this61.retractedAt IS NULL
         WITH this61
         ORDER BY this61.date ASC, this61.id ASC
         RETURN {id: this61.id, kind: this61.kind, date: CASE this61.datePrecision
           WHEN 'YEAR' THEN left(toString(this61.date), 4)
           WHEN 'MONTH' THEN left(toString(this61.date), 7)
           ELSE toString(this61.date)
         END, authority: head(COLLECT {
           MATCH (this61)-[:BEFORE]->(this62:Authority)
           RETURN this62.name
         })}
       }}, others: var54, basis: head(COLLECT {
         MATCH (this37)-[:ON_BASIS]->(this63:LegalBasis)
         RETURN {id: this63.id, name: this63.name, definedBy: head(COLLECT {
           MATCH (this63)-[:DEFINED_BY]->(this64)
           RETURN this64.id
         })}
       })} AS var32
       UNION ALL
       WITH 'NO_WAY_TO_OBJECT' AS var65
       WHERE 'NO_WAY_TO_OBJECT' IN $param0
       MATCH (this66:Right { code: 'OBJECT' })<-[this67:HANDLES]-(this68:Practice)
       WHERE (this67.status = 'UNAVAILABLE' AND this68.default <> 'NEVER' AND (this68.inForceFrom <= date($param1) AND (this68.inForceUntil IS NULL OR this68.inForceUntil > date($param1)) AND (this68.retractedAt IS NULL OR date(this68.retractedAt) > date($param1))) AND ($param2 IN this68.scope OR 'WORLDWIDE' IN this68.scope) AND (NOT (EXISTS {
         (this68)-[:ON_BASIS]->(this69:LegalBasis)
       }) OR EXISTS {
         (this68)-[:ON_BASIS]->(this70:LegalBasis)-[:TRIGGERS]->(this66)
       }))
       MATCH (this68)-[:APPLIES_TO]->(this71:Plan)-[:OF]->(this72:Product)-[:OFFERED_BY]->(this73:Company)
       WHERE ((NULL IS NULL OR this73.id IN NULL) AND (this71.availableFrom <= date($param1) AND (this71.availableUntil IS NULL OR this71.availableUntil > date($param1))))
       MATCH (this68)-[:FOR_PURPOSE]->(this74:Purpose)
       WITH this73, this72, this68, this67, this66, this74, this71
       ORDER BY this71.id ASC
       WITH this73, this72, this68, this67, this66, this74, collect({id: this71.id, name: this71.name, paid: this71.paid}) AS var75
       RETURN {kind: 'NO_WAY_TO_OBJECT', company: {id: this73.id, name: this73.name}, product: {id: this72.id, name: this72.name}, purpose: {id: this74.id, name: this74.name}, right: {code: this66.code, name: this66.name, openedBy: COLLECT {
         MATCH (this76:LegalBasis)-[:TRIGGERS]->(this66)
         WITH this76
         ORDER BY this76.id ASC
         RETURN this76.name
       }, grantedBy: COLLECT {
         MATCH (this66)-[:GRANTED_BY]->(this77:Provision)
         RETURN this77.id
       }}, rightDependsOnBasis: true, plans: var75, practice: {id: this68.id, verification: this68.verification, default: this68.default, validFrom: CASE this68.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this68.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this68.validFrom), 7)
         ELSE toString(this68.validFrom)
       END, inForceFrom: toString(this68.inForceFrom), status: this67.status, mechanism: this67.mechanism, evidence: COLLECT {
         MATCH (this68)-[this78:EVIDENCED_BY]->(this79:Source)
         WITH this78, this79
         ORDER BY this79.publishedAt ASC, this79.id ASC
         RETURN {stance: this78.stance, claim: this78.claim, right: this78.right, alternative: this78.alternative, claimant: CASE
           WHEN this78.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this80:(Company|Party|Authority))
             WHERE this80.id = this78.claimedBy
             RETURN this80.name
           })
         END, source: this79.id, publisher: this79.publisher, sourceKind: this79.kind, note: this78.note}
       }, incidents: COLLECT {
         MATCH (this81:Incident)-[:CONCERNS]->(this68)
         WHERE this81.retractedAt IS NULL
         WITH this81
         ORDER BY this81.date ASC, this81.id ASC
         RETURN {id: this81.id, kind: this81.kind, date: CASE this81.datePrecision
           WHEN 'YEAR' THEN left(toString(this81.date), 4)
           WHEN 'MONTH' THEN left(toString(this81.date), 7)
           ELSE toString(this81.date)
         END, authority: head(COLLECT {
           MATCH (this81)-[:BEFORE]->(this82:Authority)
           RETURN this82.name
         })}
       }}, others: [], basis: head(COLLECT {
         MATCH (this68)-[:ON_BASIS]->(this83:LegalBasis)
         RETURN {id: this83.id, name: this83.name, definedBy: head(COLLECT {
           MATCH (this83)-[:DEFINED_BY]->(this84)
           RETURN this84.id
         })}
       })} AS var32
       UNION ALL
       WITH 'TRAINING_ON_BY_DEFAULT' AS var85
       WHERE 'TRAINING_ON_BY_DEFAULT' IN $param0
       MATCH (this86:Purpose { id: 'ai-model-training' })<-[:FOR_PURPOSE]-(this87:Practice)
       WHERE (this87.default = 'ON' AND (this87.inForceFrom <= date($param1) AND (this87.inForceUntil IS NULL OR this87.inForceUntil > date($param1)) AND (this87.retractedAt IS NULL OR date(this87.retractedAt) > date($param1))) AND ($param2 IN this87.scope OR 'WORLDWIDE' IN this87.scope))
       MATCH (this87)-[:APPLIES_TO]->(this88:Plan)-[:OF]->(this89:Product)-[:OFFERED_BY]->(this90:Company)
       WHERE ((NULL IS NULL OR this90.id IN NULL) AND (this88.availableFrom <= date($param1) AND (this88.availableUntil IS NULL OR this88.availableUntil > date($param1))))
       WITH this90, this89, this87, this86, this88
       ORDER BY this88.id ASC
       WITH this90, this89, this87, this86, collect({id: this88.id, name: this88.name, paid: this88.paid}) AS var91
       RETURN {kind: 'TRAINING_ON_BY_DEFAULT', company: {id: this90.id, name: this90.name}, product: {id: this89.id, name: this89.name}, purpose: {id: this86.id, name: this86.name}, right: NULL, rightDependsOnBasis: false, plans: var91, practice: {id: this87.id, verification: this87.verification, default: this87.default, validFrom: CASE this87.validFromPrecision
         WHEN 'YEAR' THEN left(toString(this87.validFrom), 4)
         WHEN 'MONTH' THEN left(toString(this87.validFrom), 7)
         ELSE toString(this87.validFrom)
       END, inForceFrom: toString(this87.inForceFrom), status: NULL, mechanism: NULL, evidence: COLLECT {
         MATCH (this87)-[this92:EVIDENCED_BY]->(this93:Source)
         WITH this92, this93
         ORDER BY this93.publishedAt ASC, this93.id ASC
         RETURN {stance: this92.stance, claim: this92.claim, right: this92.right, alternative: this92.alternative, claimant: CASE
           WHEN this92.claimedBy IS NULL THEN NULL
           ELSE head(COLLECT {
             MATCH (this94:(Company|Party|Authority))
             WHERE this94.id = this92.claimedBy
             RETURN this94.name
           })
         END, source: this93.id, publisher: this93.publisher, sourceKind: this93.kind, note: this92.note}
       }, incidents: COLLECT {
         MATCH (this95:Incident)-[:CONCERNS]->(this87)
         WHERE this95.retractedAt IS NULL
         WITH this95
         ORDER BY this95.date ASC, this95.id ASC
         RETURN {id: this95.id, kind: this95.kind, date: CASE this95.datePrecision
           WHEN 'YEAR' THEN left(toString(this95.date), 4)
           WHEN 'MONTH' THEN left(toString(this95.date), 7)
           ELSE toString(this95.date)
         END, authority: head(COLLECT {
           MATCH (this95)-[:BEFORE]->(this96:Authority)
           RETURN this96.name
         })}
       }}, others: [], basis: head(COLLECT {
         MATCH (this87)-[:ON_BASIS]->(this97:LegalBasis)
         RETURN {id: this97.id, name: this97.name, definedBy: head(COLLECT {
           MATCH (this97)-[:DEFINED_BY]->(this98)
           RETURN this98.id
         })}
       }), dataCategories: COLLECT {
         MATCH (this87)-[:PROCESSES]->(this99:DataCategory)
         WITH this99
         ORDER BY this99.id ASC
         RETURN this99.name
       }} AS var32
     }
     RETURN var32 AS facts"
    `);
    expect(page).toMatchInlineSnapshot(`
     {
       "cypher": "// findings
     RETURN true AS found, {t: NULL, r: COLLECT {
       UNWIND $param0 AS this0
       WITH this0
       ORDER BY this0.kind ASC, this0.companyName ASC, this0.id ASC
       LIMIT $param1
       RETURN {k: [this0.kind, this0.companyName, this0.id], n: [[this0.explanation, head([this1 IN [head(COLLECT {
         MATCH (this2:Company)
         WHERE this2.id = this0.company
         RETURN this2
       })] WHERE this1 IS NOT NULL | [this1.name]]), COLLECT {
         UNWIND this0.plans AS var3
         MATCH (this4:Plan)
         WHERE this4.id = var3
         WITH this4
         RETURN [this4.id]
       }, COLLECT {
         UNWIND this0.provisions AS var5
         MATCH (this6:Provision)
         WHERE this6.id = var5
         WITH this6
         RETURN [this6.citation]
       }]]}
     }} AS root",
       "name": "findings",
       "params": {
         "param0": [
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Plus (FX Corp), for training AI models, there is no way to object to the processing. It rests on legitimate interest, and Art. 21(1) GDPR gives a right to object to processing on legitimate or public interest.",
             "id": "no-way-to-object:fx-plus-training",
             "kind": "NO_WAY_TO_OBJECT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-plus",
             ],
             "practices": [
               "fx-plus-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-21-1",
               "gdpr-6-1-f",
             ],
             "purpose": "ai-model-training",
             "right": "OBJECT",
             "standing": "ESTABLISHED",
             "title": "No way to object to processing that the right to object covers",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": true,
             "explanation": "As of 1 March 2025, on FX Free (FX Corp), for training AI models, a complaint to the FXDPA (3 March 2025) argues that the right to object can be exercised only by paying, while paid plans grant it at no extra cost (FX Pro in the product). FX Corp disputes this: it states that the right can be exercised on request (e-mail, form or support) (FX News). Exercising the rights of Arts. 15 to 22 must be free of charge (Art. 12(5) GDPR); if the first account holds, this right is conditioned on payment. The practice rests on legitimate interest, which opens the right to object.",
             "id": "right-conditioned-on-payment:fx-free-training:fx-free:OBJECT",
             "kind": "RIGHT_CONDITIONED_ON_PAYMENT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-free",
               "fx-pro",
             ],
             "practices": [
               "fx-free-training",
               "fx-pro-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-12-5",
               "gdpr-21-1",
               "gdpr-6-1-f",
             ],
             "purpose": "ai-model-training",
             "right": "OBJECT",
             "standing": "ALLEGED",
             "title": "A right is conditioned on payment",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Plus (FX Corp), for training AI models, the right to object cannot be exercised, while paid plans grant it at no extra cost (FX Pro in the product). Exercising the rights of Arts. 15 to 22 must be free of charge (Art. 12(5) GDPR): here it is conditioned on payment. The practice rests on legitimate interest, which opens the right to object.",
             "id": "right-conditioned-on-payment:fx-plus-training:fx-plus:OBJECT",
             "kind": "RIGHT_CONDITIONED_ON_PAYMENT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-plus",
               "fx-pro",
             ],
             "practices": [
               "fx-plus-training",
               "fx-pro-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-12-5",
               "gdpr-21-1",
               "gdpr-6-1-f",
             ],
             "purpose": "ai-model-training",
             "right": "OBJECT",
             "standing": "ESTABLISHED",
             "title": "A right is conditioned on payment",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Free (FX Corp), for training AI models, the right of access can be exercised only on request (E-mail to privacy@fx.example), while other plans offer it in the product (FX Pro in the product). The controller must facilitate the exercise of rights (Art. 12(2) GDPR).",
             "id": "right-only-on-request:fx-free-training:fx-free:ACCESS",
             "kind": "RIGHT_ONLY_ON_REQUEST",
             "legalBasisEstablished": true,
             "plans": [
               "fx-free",
               "fx-pro",
             ],
             "practices": [
               "fx-free-training",
               "fx-pro-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-12-2",
               "gdpr-15",
             ],
             "purpose": "ai-model-training",
             "right": "ACCESS",
             "standing": "ESTABLISHED",
             "title": "A right is exercisable only on request where another plan offers it in the product",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Free (FX Corp), for training AI models, user content (user prompts) trains AI models unless the user opts out. It rests on legitimate interest: the interest must not be overridden by the users' (Art. 6(1)(f) GDPR), and they must be able to object (Art. 21).",
             "id": "training-on-by-default:fx-free-training",
             "kind": "TRAINING_ON_BY_DEFAULT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-free",
             ],
             "practices": [
               "fx-free-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-6-1-f",
               "gdpr-21-1",
             ],
             "purpose": "ai-model-training",
             "right": null,
             "standing": "ESTABLISHED",
             "title": "User content trains AI models by default",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Plus (FX Corp), for training AI models, user content (user prompts) trains AI models unless the user opts out. It rests on legitimate interest: the interest must not be overridden by the users' (Art. 6(1)(f) GDPR), and they must be able to object (Art. 21).",
             "id": "training-on-by-default:fx-plus-training",
             "kind": "TRAINING_ON_BY_DEFAULT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-plus",
             ],
             "practices": [
               "fx-plus-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-6-1-f",
               "gdpr-21-1",
             ],
             "purpose": "ai-model-training",
             "right": null,
             "standing": "ESTABLISHED",
             "title": "User content trains AI models by default",
             "verification": "VERIFIED",
           },
           {
             "basis": "legitimate-interest",
             "company": "fx-corp",
             "companyName": "FX Corp",
             "disputed": false,
             "explanation": "As of 1 March 2025, on FX Pro (FX Corp), for training AI models, user content (user prompts) trains AI models unless the user opts out. It rests on legitimate interest: the interest must not be overridden by the users' (Art. 6(1)(f) GDPR), and they must be able to object (Art. 21).",
             "id": "training-on-by-default:fx-pro-training",
             "kind": "TRAINING_ON_BY_DEFAULT",
             "legalBasisEstablished": true,
             "plans": [
               "fx-pro",
             ],
             "practices": [
               "fx-pro-training",
             ],
             "product": "fx-chat",
             "provisions": [
               "gdpr-6-1-f",
               "gdpr-21-1",
             ],
             "purpose": "ai-model-training",
             "right": null,
             "standing": "ESTABLISHED",
             "title": "User content trains AI models by default",
             "verification": "VERIFIED",
           },
         ],
         "param1": 21,
       },
     }
    `);
  });

  it('timeline', async () => {
    const [q] = await cypherOf(
      `{ timeline(company: "fx-corp", from: "2025-01-01") { totalCount nodes { date kind title changes plans { id } } } }`,
    );
    expect(q).toMatchInlineSnapshot(`
     {
       "cypher": "// timeline
     RETURN EXISTS {
       (this0:Company { id: $param0 })
     } AS found, {t: COUNT {
       CALL () {
         MATCH (this1:Company { id: $param1 })<-[:OFFERED_BY]-(this2:Product)<-[:OF]-(this3:Plan)<-[:APPLIES_TO]-(this4:Practice)-[:FOR_PURPOSE]->(this5:Purpose)
         WITH this4, this5, this3
         ORDER BY this3.id ASC
         WITH this4, this5, collect(this3) AS var6
         WITH this4, this5, var6
         WHERE this4.validFrom IS NOT NULL
         OPTIONAL MATCH (this4)-[:REPLACES]->(this7:Practice)
         RETURN {day: this4.validFrom, date: CASE this4.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this4.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this4.validFrom), 7)
           ELSE toString(this4.validFrom)
         END, id: ('practice-started:' || this4.id), kind: CASE
           WHEN this7 IS NULL THEN 'PRACTICE_STARTED'
           ELSE 'PRACTICE_CHANGED'
         END, titleFacts: [CASE
           WHEN this7 IS NULL THEN 'PRACTICE_STARTED'
           ELSE 'PRACTICE_CHANGED'
         END, [var8 IN var6 | var8.name], this5.name, NULL], changeFacts: CASE
           WHEN this7 IS NULL THEN NULL
           ELSE {before: {default: this7.default, scope: this7.scope, basis: head(COLLECT {
             MATCH (this7)-[:ON_BASIS]->(this9)
             RETURN this9.name
           }), rights: COLLECT {
             MATCH (this7)-[this10:HANDLES]->(this11:Right)
             RETURN [this11.name, this10.status]
           }}, after: {default: this4.default, scope: this4.scope, basis: head(COLLECT {
             MATCH (this4)-[:ON_BASIS]->(this12)
             RETURN this12.name
           }), rights: COLLECT {
             MATCH (this4)-[this13:HANDLES]->(this14:Right)
             RETURN [this14.name, this13.status]
           }}}
         END, plans: var6, plan: head(var6), practice: this4, previous: this7, incident: NULL} AS var15
         UNION ALL
         MATCH (this16:Company { id: $param1 })<-[:OFFERED_BY]-(this17:Product)<-[:OF]-(this18:Plan)<-[:APPLIES_TO]-(this19:Practice)-[:FOR_PURPOSE]->(this20:Purpose)
         WITH this19, this20, this18
         ORDER BY this18.id ASC
         WITH this19, this20, collect(this18) AS var21
         WITH this19, this20, var21
         WHERE (this19.validTo IS NOT NULL AND NOT (EXISTS {
           MATCH (this19)<-[:REPLACES]-(this22:Practice)
           WHERE this22.validFrom = this19.validTo
         }))
         RETURN {day: this19.validTo, date: CASE this19.validToPrecision
           WHEN 'YEAR' THEN left(toString(this19.validTo), 4)
           WHEN 'MONTH' THEN left(toString(this19.validTo), 7)
           ELSE toString(this19.validTo)
         END, id: ('practice-ended:' || this19.id), kind: 'PRACTICE_ENDED', titleFacts: ['PRACTICE_ENDED', [var23 IN var21 | var23.name], this20.name, NULL], changeFacts: NULL, plans: var21, plan: head(var21), practice: this19, previous: NULL, incident: NULL} AS var15
         UNION ALL
         MATCH (this24:Company { id: $param1 })<-[:AGAINST]-(this25:Incident)
         WHERE this25.retractedAt IS NULL
         RETURN {day: this25.date, date: CASE this25.datePrecision
           WHEN 'YEAR' THEN left(toString(this25.date), 4)
           WHEN 'MONTH' THEN left(toString(this25.date), 7)
           ELSE toString(this25.date)
         END, id: ('incident:' || this25.id), kind: 'INCIDENT', titleFacts: ['INCIDENT', NULL, NULL, this25.title], changeFacts: NULL, plans: [], plan: NULL, practice: NULL, previous: NULL, incident: this25} AS var15
       }
       WITH var15 AS this26
       WHERE (($param2 IS NULL OR this26.day >= date($param2)) AND (NULL IS NULL OR this26.day <= date(NULL)))
       RETURN this26
     }, r: COLLECT {
       CALL () {
         MATCH (this27:Company { id: $param3 })<-[:OFFERED_BY]-(this28:Product)<-[:OF]-(this29:Plan)<-[:APPLIES_TO]-(this30:Practice)-[:FOR_PURPOSE]->(this31:Purpose)
         WITH this30, this31, this29
         ORDER BY this29.id ASC
         WITH this30, this31, collect(this29) AS var32
         WITH this30, this31, var32
         WHERE this30.validFrom IS NOT NULL
         OPTIONAL MATCH (this30)-[:REPLACES]->(this33:Practice)
         RETURN {day: this30.validFrom, date: CASE this30.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this30.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this30.validFrom), 7)
           ELSE toString(this30.validFrom)
         END, id: ('practice-started:' || this30.id), kind: CASE
           WHEN this33 IS NULL THEN 'PRACTICE_STARTED'
           ELSE 'PRACTICE_CHANGED'
         END, titleFacts: [CASE
           WHEN this33 IS NULL THEN 'PRACTICE_STARTED'
           ELSE 'PRACTICE_CHANGED'
         END, [var34 IN var32 | var34.name], this31.name, NULL], changeFacts: CASE
           WHEN this33 IS NULL THEN NULL
           ELSE {before: {default: this33.default, scope: this33.scope, basis: head(COLLECT {
             MATCH (this33)-[:ON_BASIS]->(this35)
             RETURN this35.name
           }), rights: COLLECT {
             MATCH (this33)-[this36:HANDLES]->(this37:Right)
             RETURN [this37.name, this36.status]
           }}, after: {default: this30.default, scope: this30.scope, basis: head(COLLECT {
             MATCH (this30)-[:ON_BASIS]->(this38)
             RETURN this38.name
           }), rights: COLLECT {
             MATCH (this30)-[this39:HANDLES]->(this40:Right)
             RETURN [this40.name, this39.status]
           }}}
         END, plans: var32, plan: head(var32), practice: this30, previous: this33, incident: NULL} AS var41
         UNION ALL
         MATCH (this42:Company { id: $param3 })<-[:OFFERED_BY]-(this43:Product)<-[:OF]-(this44:Plan)<-[:APPLIES_TO]-(this45:Practice)-[:FOR_PURPOSE]->(this46:Purpose)
         WITH this45, this46, this44
         ORDER BY this44.id ASC
         WITH this45, this46, collect(this44) AS var47
         WITH this45, this46, var47
         WHERE (this45.validTo IS NOT NULL AND NOT (EXISTS {
           MATCH (this45)<-[:REPLACES]-(this48:Practice)
           WHERE this48.validFrom = this45.validTo
         }))
         RETURN {day: this45.validTo, date: CASE this45.validToPrecision
           WHEN 'YEAR' THEN left(toString(this45.validTo), 4)
           WHEN 'MONTH' THEN left(toString(this45.validTo), 7)
           ELSE toString(this45.validTo)
         END, id: ('practice-ended:' || this45.id), kind: 'PRACTICE_ENDED', titleFacts: ['PRACTICE_ENDED', [var49 IN var47 | var49.name], this46.name, NULL], changeFacts: NULL, plans: var47, plan: head(var47), practice: this45, previous: NULL, incident: NULL} AS var41
         UNION ALL
         MATCH (this50:Company { id: $param3 })<-[:AGAINST]-(this51:Incident)
         WHERE this51.retractedAt IS NULL
         RETURN {day: this51.date, date: CASE this51.datePrecision
           WHEN 'YEAR' THEN left(toString(this51.date), 4)
           WHEN 'MONTH' THEN left(toString(this51.date), 7)
           ELSE toString(this51.date)
         END, id: ('incident:' || this51.id), kind: 'INCIDENT', titleFacts: ['INCIDENT', NULL, NULL, this51.title], changeFacts: NULL, plans: [], plan: NULL, practice: NULL, previous: NULL, incident: this51} AS var41
       }
       WITH var41 AS this26
       WHERE (($param4 IS NULL OR this26.day >= date($param4)) AND (NULL IS NULL OR this26.day <= date(NULL)))
       WITH this26
       ORDER BY this26.day ASC, this26.id ASC
       LIMIT $param5
       RETURN {k: [toString(this26.day), this26.id], n: [[this26.date, this26.kind, this26.titleFacts, this26.changeFacts, [this52 IN coalesce(this26.plans, []) | [this52.id]]]]}
     }} AS root",
       "name": "timeline",
       "params": {
         "param0": "fx-corp",
         "param1": "fx-corp",
         "param2": "2025-01-01",
         "param3": "fx-corp",
         "param4": "2025-01-01",
         "param5": 21,
       },
     }
    `);
  });

  it('incidents, page 1 and page N', async () => {
    const query = `query ($after: String) {
      incidents(first: 1, after: $after, filter: { provision: "Art. 12" }) {
        totalCount nodes { id date kind against { name } cites { citation } } pageInfo { endCursor }
      }
    }`;
    db.take();
    const first = await api.gql(query);
    expect(first.errors).toBeUndefined();
    const [page1] = db.take();
    const [pageN] = await cypherOf(query, { after: first.data!.incidents.pageInfo.endCursor });
    expect({ ...page1!, params: plain(page1!.params) }).toMatchInlineSnapshot(`
     {
       "cypher": "// incidents
     RETURN true AS found, {t: COUNT {
       MATCH (this0:Incident)
       WHERE (this0.date IS NOT NULL AND this0.id IS NOT NULL AND this0.retractedAt IS NULL AND EXISTS {
         (this0)-[:CITES]->(this1:Provision)-[:PART_OF*0..3]->(this2:Provision { id: $param0 })
       })
       RETURN this0
     }, r: COLLECT {
       MATCH (this0:Incident)
       WHERE (this0.date IS NOT NULL AND this0.id IS NOT NULL AND this0.retractedAt IS NULL AND EXISTS {
         (this0)-[:CITES]->(this3:Provision)-[:PART_OF*0..3]->(this4:Provision { id: $param1 })
       })
       WITH this0
       ORDER BY this0.date DESC, this0.id DESC
       LIMIT $param2
       RETURN {k: [toString(this0.date), this0.id], n: [[this0.id, CASE this0.datePrecision
         WHEN 'YEAR' THEN left(toString(this0.date), 4)
         WHEN 'MONTH' THEN left(toString(this0.date), 7)
         ELSE toString(this0.date)
       END, this0.kind, COLLECT {
         MATCH (this0)-[this5:AGAINST]->(this6:Company)
         WITH this6, this5
         ORDER BY this6.name ASC
         RETURN [this6.name]
       }, COLLECT {
         MATCH (this0)-[this7:CITES]->(this8:Provision)
         WITH this8, this7
         ORDER BY this8.regulation ASC, this8.article ASC, this8.paragraph ASC, this8.point ASC
         RETURN [this8.citation]
       }]]}
     }} AS root",
       "name": "incidents",
       "params": {
         "param0": "gdpr-12",
         "param1": "gdpr-12",
         "param2": 2,
       },
     }
    `);
    expect(pageN).toMatchInlineSnapshot(`
     {
       "cypher": "// incidents
     RETURN true AS found, {t: COUNT {
       MATCH (this0:Incident)
       WHERE (this0.date IS NOT NULL AND this0.id IS NOT NULL AND this0.retractedAt IS NULL AND EXISTS {
         (this0)-[:CITES]->(this1:Provision)-[:PART_OF*0..3]->(this2:Provision { id: $param0 })
       })
       RETURN this0
     }, r: COLLECT {
       MATCH (this0:Incident)
       WHERE (this0.date IS NOT NULL AND this0.id IS NOT NULL AND this0.retractedAt IS NULL AND EXISTS {
         (this0)-[:CITES]->(this3:Provision)-[:PART_OF*0..3]->(this4:Provision { id: $param1 })
       })
       WITH this0
       WHERE (this0.date <= date($param2) AND (this0.date < date($param2) OR (this0.date = date($param2) AND this0.id < $param3)))
       WITH this0
       ORDER BY this0.date DESC, this0.id DESC
       LIMIT $param4
       RETURN {k: [toString(this0.date), this0.id], n: [[this0.id, CASE this0.datePrecision
         WHEN 'YEAR' THEN left(toString(this0.date), 4)
         WHEN 'MONTH' THEN left(toString(this0.date), 7)
         ELSE toString(this0.date)
       END, this0.kind, COLLECT {
         MATCH (this0)-[this5:AGAINST]->(this6:Company)
         WITH this6, this5
         ORDER BY this6.name ASC
         RETURN [this6.name]
       }, COLLECT {
         MATCH (this0)-[this7:CITES]->(this8:Provision)
         WITH this8, this7
         ORDER BY this8.regulation ASC, this8.article ASC, this8.paragraph ASC, this8.point ASC
         RETURN [this8.citation]
       }]]}
     }} AS root",
       "name": "incidents",
       "params": {
         "param0": "gdpr-12",
         "param1": "gdpr-12",
         "param2": "2025-03-03",
         "param3": "fx-complaint-2025",
         "param4": 2,
       },
     }
    `);
  });

  it('search', async () => {
    const [q] = await cypherOf(
      `{ search(text: "free") { totalCount nodes { score label title plan { id } } } }`,
    );
    expect(q).toMatchInlineSnapshot(`
     {
       "cypher": "// search
     RETURN true AS found, {t: COUNT {
       CALL db.index.fulltext.queryNodes('entity_text', $param0) YIELD node AS this0, score AS var1
       RETURN this0
     }, r: COLLECT {
       CALL db.index.fulltext.queryNodes('entity_text', $param1) YIELD node AS this0, score AS var1
       WITH this0, var1
       ORDER BY var1 DESC, this0.id ASC
       LIMIT $param2
       RETURN {k: [var1, this0.id], n: [[var1, head([var2 IN labels(this0) WHERE var2 <> 'Entity']), coalesce(this0.name, this0.title, this0.citation, this0.id), head([this3 IN [CASE
         WHEN this0:Plan THEN this0
         ELSE NULL
       END] WHERE this3 IS NOT NULL | [this3.id]])]]}
     }} AS root",
       "name": "search",
       "params": {
         "param0": "(free OR free*)",
         "param1": "(free OR free*)",
         "param2": 21,
       },
     }
    `);
  });

  it('company with products and plans', async () => {
    const [q] = await cypherOf(`{
      company(id: "fx-corp") { name products { name plans { id tier paid prices { amount period }
        practices(asOf: "2025-03-01") { nodes { id validFrom rights { code status } } } } } }
    }`);
    expect(q).toMatchInlineSnapshot(`
     {
       "cypher": "// company
     MATCH (this0:Company { id: $param0 })
     RETURN [this0.name, COLLECT {
       MATCH (this0)<-[this1:OFFERED_BY]-(this2:Product)
       WITH this2, this1
       ORDER BY this2.name ASC, this2.id ASC
       RETURN [this2.name, COLLECT {
         MATCH (this2)<-[this3:OF]-(this4:Plan)
         WITH this4, this3
         ORDER BY CASE this4.tier
           WHEN 'FREE' THEN 0
           WHEN 'PLUS' THEN 1
           WHEN 'PRO' THEN 2
           WHEN 'TEAM' THEN 3
           WHEN 'ENTERPRISE' THEN 4
           WHEN 'EDUCATION' THEN 5
           WHEN 'API' THEN 6
           WHEN 'OTHER' THEN 7
           ELSE 8
         END ASC, coalesce(head(this4.priceAmounts), 0) ASC, this4.id ASC
         RETURN [this4.id, this4.tier, this4.paid, [this5 IN coalesce([var6 IN range(0, (size(coalesce(this4.priceAmounts, [])) - 1)) | {amount: this4.priceAmounts[var6], currency: this4.priceCurrencies[var6], period: this4.pricePeriods[var6], note: nullIf(this4.priceNotes[var6], '')}], []) | [this5.amount, this5.period]], {t: NULL, r: COLLECT {
           MATCH (this4)<-[:APPLIES_TO]-(this7:Practice)
           WHERE ((this7.inForceFrom <= date($param1) AND (this7.inForceUntil IS NULL OR this7.inForceUntil > date($param1)) AND (this7.retractedAt IS NULL OR date(this7.retractedAt) > date($param1))) AND (this4.availableFrom <= date($param1) AND (this4.availableUntil IS NULL OR this4.availableUntil > date($param1))))
           WITH this7
           ORDER BY coalesce(this7.validFrom, this7.inForceFrom, date('0001-01-01')) DESC, this7.id ASC
           LIMIT $param2
           RETURN {k: [toString(coalesce(this7.validFrom, this7.inForceFrom, date('0001-01-01'))), this7.id], n: [[this7.id, CASE this7.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this7.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this7.validFrom), 7)
             ELSE toString(this7.validFrom)
           END, COLLECT {
             MATCH (this7)-[this8:HANDLES]->(this9:Right)
             WITH this9, this8
             ORDER BY this9.code ASC
             RETURN [this9.code, this8.status]
           }]]}
         }}]
       }]
     }] AS root

     LIMIT 1",
       "name": "company",
       "params": {
         "param0": "fx-corp",
         "param1": "2025-03-01",
         "param2": 21,
       },
     }
    `);
  });
});
