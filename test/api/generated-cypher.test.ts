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
       WHERE (($param1 = true OR this1.id IN $param2) AND this5.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND this4.default <> 'NEVER' AND ((this4.inForceFrom <= date($param3) AND (this4.inForceUntil IS NULL OR this4.inForceUntil > date($param3)) AND (this4.retractedAt IS NULL OR date(this4.retractedAt) > date($param3))) AND (this3.availableFrom <= date($param3) AND (this3.availableUntil IS NULL OR this3.availableUntil > date($param3))) AND ($param4 IN this4.scope OR 'WORLDWIDE' IN this4.scope)) AND EXISTS {
         (this7:Provision { id: 'gdpr-12-5' })-[:COVERS]->(this6)
       } AND (NOT (EXISTS {
         (this8:LegalBasis)-[:TRIGGERS]->(this6)
       }) OR NOT (EXISTS {
         (this4)-[:ON_BASIS]->(this9:LegalBasis)
       }) OR EXISTS {
         (this4)-[:ON_BASIS]->(this10:LegalBasis)-[:TRIGGERS]->(this6)
       }))
       MATCH (this4)-[:FOR_PURPOSE]->(this11:Purpose)
       WHERE EXISTS {
         MATCH (this2:Product)<-[:OF]-(this12:Plan)<-[:APPLIES_TO]-(this13:Practice)-[this14:HANDLES]->(this6:Right)
         WHERE (this12 <> this3 AND this14.status IN ['IN_PRODUCT', 'ON_REQUEST'] AND ((this13.inForceFrom <= date($param3) AND (this13.inForceUntil IS NULL OR this13.inForceUntil > date($param3)) AND (this13.retractedAt IS NULL OR date(this13.retractedAt) > date($param3))) AND (this12.availableFrom <= date($param3) AND (this12.availableUntil IS NULL OR this12.availableUntil > date($param3))) AND ($param4 IN this13.scope OR 'WORLDWIDE' IN this13.scope)) AND EXISTS {
           (this13)-[:FOR_PURPOSE]->(this11)
         } AND this12.paid = true)
       }
       RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', companyName: this1.name, id: ('right-conditioned-on-payment:' + this4.id + ':' + this3.id + ':' + this6.code), planId: this3.id, companyId: this1.id, company: this1, product: this2, plan: this3, practice: this4, handles: this5, right: this6, purpose: this11} AS var15
       UNION ALL
       WITH 'RIGHT_ONLY_ON_REQUEST' AS var16
       WHERE 'RIGHT_ONLY_ON_REQUEST' IN $param0
       MATCH (this17:Company)<-[:OFFERED_BY]-(this18:Product)<-[:OF]-(this19:Plan)<-[:APPLIES_TO]-(this20:Practice)-[this21:HANDLES]->(this22:Right)
       WHERE (($param1 = true OR this17.id IN $param2) AND this21.status IN ['ON_REQUEST'] AND this20.default <> 'NEVER' AND ((this20.inForceFrom <= date($param3) AND (this20.inForceUntil IS NULL OR this20.inForceUntil > date($param3)) AND (this20.retractedAt IS NULL OR date(this20.retractedAt) > date($param3))) AND (this19.availableFrom <= date($param3) AND (this19.availableUntil IS NULL OR this19.availableUntil > date($param3))) AND ($param4 IN this20.scope OR 'WORLDWIDE' IN this20.scope)) AND EXISTS {
         (this23:Provision { id: 'gdpr-12-2' })-[:COVERS]->(this22)
       } AND (NOT (EXISTS {
         (this24:LegalBasis)-[:TRIGGERS]->(this22)
       }) OR NOT (EXISTS {
         (this20)-[:ON_BASIS]->(this25:LegalBasis)
       }) OR EXISTS {
         (this20)-[:ON_BASIS]->(this26:LegalBasis)-[:TRIGGERS]->(this22)
       }))
       MATCH (this20)-[:FOR_PURPOSE]->(this27:Purpose)
       WHERE EXISTS {
         MATCH (this18:Product)<-[:OF]-(this28:Plan)<-[:APPLIES_TO]-(this29:Practice)-[this30:HANDLES]->(this22:Right)
         WHERE (this28 <> this19 AND this30.status IN ['IN_PRODUCT'] AND ((this29.inForceFrom <= date($param3) AND (this29.inForceUntil IS NULL OR this29.inForceUntil > date($param3)) AND (this29.retractedAt IS NULL OR date(this29.retractedAt) > date($param3))) AND (this28.availableFrom <= date($param3) AND (this28.availableUntil IS NULL OR this28.availableUntil > date($param3))) AND ($param4 IN this29.scope OR 'WORLDWIDE' IN this29.scope)) AND EXISTS {
           (this29)-[:FOR_PURPOSE]->(this27)
         })
       }
       RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', companyName: this17.name, id: ('right-only-on-request:' + this20.id + ':' + this19.id + ':' + this22.code), planId: this19.id, companyId: this17.id, company: this17, product: this18, plan: this19, practice: this20, handles: this21, right: this22, purpose: this27} AS var15
       UNION ALL
       WITH 'NO_WAY_TO_OBJECT' AS var31
       WHERE 'NO_WAY_TO_OBJECT' IN $param0
       MATCH (this32:Right { code: 'OBJECT' })<-[this33:HANDLES]-(this34:Practice)
       WHERE (this33.status = 'UNAVAILABLE' AND this34.default <> 'NEVER' AND (this34.inForceFrom <= date($param3) AND (this34.inForceUntil IS NULL OR this34.inForceUntil > date($param3)) AND (this34.retractedAt IS NULL OR date(this34.retractedAt) > date($param3))) AND ($param4 IN this34.scope OR 'WORLDWIDE' IN this34.scope) AND (NOT (EXISTS {
         (this34)-[:ON_BASIS]->(this35:LegalBasis)
       }) OR EXISTS {
         (this34)-[:ON_BASIS]->(this36:LegalBasis)-[:TRIGGERS]->(this32)
       }))
       MATCH (this34)-[:APPLIES_TO]->(this37:Plan)-[:OF]->(this38:Product)-[:OFFERED_BY]->(this39:Company)
       WHERE (($param1 = true OR this39.id IN $param2) AND (this37.availableFrom <= date($param3) AND (this37.availableUntil IS NULL OR this37.availableUntil > date($param3))))
       MATCH (this34)-[:FOR_PURPOSE]->(this40:Purpose)
       RETURN {kind: 'NO_WAY_TO_OBJECT', companyName: this39.name, id: ('no-way-to-object:' + this34.id), planId: this37.id, companyId: this39.id, company: this39, product: this38, plan: NULL, practice: this34, handles: this33, right: this32, purpose: this40} AS var15
       UNION ALL
       WITH 'TRAINING_ON_BY_DEFAULT' AS var41
       WHERE 'TRAINING_ON_BY_DEFAULT' IN $param0
       MATCH (this42:Purpose { id: 'ai-model-training' })<-[:FOR_PURPOSE]-(this43:Practice)
       WHERE (this43.default = 'ON' AND (this43.inForceFrom <= date($param3) AND (this43.inForceUntil IS NULL OR this43.inForceUntil > date($param3)) AND (this43.retractedAt IS NULL OR date(this43.retractedAt) > date($param3))) AND ($param4 IN this43.scope OR 'WORLDWIDE' IN this43.scope))
       MATCH (this43)-[:APPLIES_TO]->(this44:Plan)-[:OF]->(this45:Product)-[:OFFERED_BY]->(this46:Company)
       WHERE (($param1 = true OR this46.id IN $param2) AND (this44.availableFrom <= date($param3) AND (this44.availableUntil IS NULL OR this44.availableUntil > date($param3))))
       RETURN {kind: 'TRAINING_ON_BY_DEFAULT', companyName: this46.name, id: ('training-on-by-default:' + this43.id), planId: this44.id, companyId: this46.id, company: this46, product: this45, plan: NULL, practice: this43, handles: NULL, right: NULL, purpose: this42} AS var15
     }
     WITH var15.id AS var47, collect(var15) AS var48
     WITH reduce(var49 = head(var48), var50 IN tail(var48) | CASE
       WHEN var50.planId < var49.planId THEN var50
       ELSE var49
     END) AS var51
     WITH collect(var51) AS var52
     RETURN size(var52) AS total, COLLECT {
       UNWIND var52 AS var53
       WITH var53
       WHERE (size($param5) = 0 OR var53.kind > $param5[0] OR (var53.kind = $param5[0] AND var53.companyName > $param5[1]) OR (var53.kind = $param5[0] AND var53.companyName = $param5[1] AND var53.id > $param5[2]))
       WITH var53
       ORDER BY var53.kind ASC, var53.companyName ASC, var53.id ASC
       LIMIT $param6
       CALL (var53) {
         WITH var53
         WHERE var53.kind = 'RIGHT_CONDITIONED_ON_PAYMENT'
         WITH var53.company AS this54, var53.product AS this55, var53.practice AS this56, var53.purpose AS this57, var53.plan AS this58, var53.handles AS this59, var53.right AS this60
         RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', company: {id: this54.id, name: this54.name}, product: {id: this55.id, name: this55.name}, purpose: {id: this57.id, name: this57.name}, right: {code: this60.code, name: this60.name, openedBy: COLLECT {
           MATCH (this61:LegalBasis)-[:TRIGGERS]->(this60)
           WITH this61
           ORDER BY this61.id ASC
           RETURN this61.name
         }, grantedBy: COLLECT {
           MATCH (this60)-[:GRANTED_BY]->(this62:Provision)
           WITH this62
           ORDER BY this62.id ASC
           RETURN this62.id
         }}, rightDependsOnBasis: EXISTS {
           (this63:LegalBasis)-[:TRIGGERS]->(this60)
         }, plans: [{id: this58.id, name: this58.name, paid: this58.paid}], practice: {id: this56.id, verification: this56.verification, default: this56.default, validFrom: CASE this56.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this56.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this56.validFrom), 7)
           ELSE toString(this56.validFrom)
         END, inForceFrom: toString(this56.inForceFrom), status: this59.status, mechanism: this59.mechanism, evidence: COLLECT {
           MATCH (this56)-[this64:EVIDENCED_BY]->(this65:Source)
           WITH this64, this65
           ORDER BY this65.publishedAt ASC, this65.id ASC
           RETURN {stance: this64.stance, claim: this64.claim, right: this64.right, alternative: this64.alternative, claimant: CASE
             WHEN this64.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this66:(Company|Party|Authority))
               WHERE this66.id = this64.claimedBy
               RETURN this66.name
             })
           END, source: this65.id, publisher: this65.publisher, sourceKind: this65.kind, note: this64.note}
         }, incidents: COLLECT {
           MATCH (this67:Incident)-[:CONCERNS]->(this56)
           WHERE this67.retractedAt IS NULL
           WITH this67
           ORDER BY this67.date ASC, this67.id ASC
           RETURN {id: this67.id, kind: this67.kind, date: CASE this67.datePrecision
             WHEN 'YEAR' THEN left(toString(this67.date), 4)
             WHEN 'MONTH' THEN left(toString(this67.date), 7)
             ELSE toString(this67.date)
           END, authority: head(COLLECT {
             MATCH (this67)-[:BEFORE]->(this68:Authority)
             RETURN this68.name
           })}
         }}, others: COLLECT {
           MATCH (this55:Product)<-[:OF]-(this69:Plan)<-[:APPLIES_TO]-(this70:Practice)-[this71:HANDLES]->(this60:Right)
           WHERE (this69 <> this58 AND this71.status IN ['IN_PRODUCT', 'ON_REQUEST'] AND ((this70.inForceFrom <= date($param3) AND (this70.inForceUntil IS NULL OR this70.inForceUntil > date($param3)) AND (this70.retractedAt IS NULL OR date(this70.retractedAt) > date($param3))) AND (this69.availableFrom <= date($param3) AND (this69.availableUntil IS NULL OR this69.availableUntil > date($param3))) AND ($param4 IN this70.scope OR 'WORLDWIDE' IN this70.scope)) AND EXISTS {
             (this70)-[:FOR_PURPOSE]->(this57)
           } AND this69.paid = true)
           WITH this69, this70, this71
           ORDER BY this69.id ASC, this70.id ASC
           RETURN {plan: {id: this69.id, name: this69.name, paid: this69.paid}, practice: {id: this70.id, verification: this70.verification, default: this70.default, validFrom: CASE this70.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this70.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this70.validFrom), 7)
             ELSE toString(this70.validFrom)
           END, inForceFrom: toString(this70.inForceFrom), status: this71.status, mechanism: this71.mechanism, evidence: COLLECT {
             MATCH (this70)-[this72:EVIDENCED_BY]->(this73:Source)
             WITH this72, this73
             ORDER BY this73.publishedAt ASC, this73.id ASC
             RETURN {stance: this72.stance, claim: this72.claim, right: this72.right, alternative: this72.alternative, claimant: CASE
               WHEN this72.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this74:(Company|Party|Authority))
                 WHERE this74.id = this72.claimedBy
                 RETURN this74.name
               })
             END, source: this73.id, publisher: this73.publisher, sourceKind: this73.kind, note: this72.note}
           }, incidents: COLLECT {
             MATCH (this75:Incident)-[:CONCERNS]->(this70)
             WHERE this75.retractedAt IS NULL
             WITH this75
             ORDER BY this75.date ASC, this75.id ASC
             RETURN {id: this75.id, kind: this75.kind, date: CASE this75.datePrecision
               WHEN 'YEAR' THEN left(toString(this75.date), 4)
               WHEN 'MONTH' THEN left(toString(this75.date), 7)
               ELSE toString(this75.date)
             END, authority: head(COLLECT {
               MATCH (this75)-[:BEFORE]->(this76:Authority)
               RETURN this76.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this56)-[:ON_BASIS]->(this77:LegalBasis)
           RETURN {id: this77.id, name: this77.name, definedBy: head(COLLECT {
             MATCH (this77)-[:DEFINED_BY]->(this78)
             RETURN this78.id
           })}
         })} AS var79
         UNION ALL
         WITH var53
         WHERE var53.kind = 'RIGHT_ONLY_ON_REQUEST'
         WITH var53.company AS this80, var53.product AS this81, var53.practice AS this82, var53.purpose AS this83, var53.plan AS this84, var53.handles AS this85, var53.right AS this86
         RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', company: {id: this80.id, name: this80.name}, product: {id: this81.id, name: this81.name}, purpose: {id: this83.id, name: this83.name}, right: {code: this86.code, name: this86.name, openedBy: COLLECT {
           MATCH (this87:LegalBasis)-[:TRIGGERS]->(this86)
           WITH this87
           ORDER BY this87.id ASC
           RETURN this87.name
         }, grantedBy: COLLECT {
           MATCH (this86)-[:GRANTED_BY]->(this88:Provision)
           WITH this88
           ORDER BY this88.id ASC
           RETURN this88.id
         }}, rightDependsOnBasis: EXISTS {
           (this89:LegalBasis)-[:TRIGGERS]->(this86)
         }, plans: [{id: this84.id, name: this84.name, paid: this84.paid}], practice: {id: this82.id, verification: this82.verification, default: this82.default, validFrom: CASE this82.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this82.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this82.validFrom), 7)
           ELSE toString(this82.validFrom)
         END, inForceFrom: toString(this82.inForceFrom), status: this85.status, mechanism: this85.mechanism, evidence: COLLECT {
           MATCH (this82)-[this90:EVIDENCED_BY]->(this91:Source)
           WITH this90, this91
           ORDER BY this91.publishedAt ASC, this91.id ASC
           RETURN {stance: this90.stance, claim: this90.claim, right: this90.right, alternative: this90.alternative, claimant: CASE
             WHEN this90.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this92:(Company|Party|Authority))
               WHERE this92.id = this90.claimedBy
               RETURN this92.name
             })
           END, source: this91.id, publisher: this91.publisher, sourceKind: this91.kind, note: this90.note}
         }, incidents: COLLECT {
           MATCH (this93:Incident)-[:CONCERNS]->(this82)
           WHERE this93.retractedAt IS NULL
           WITH this93
           ORDER BY this93.date ASC, this93.id ASC
           RETURN {id: this93.id, kind: this93.kind, date: CASE this93.datePrecision
             WHEN 'YEAR' THEN left(toString(this93.date), 4)
             WHEN 'MONTH' THEN left(toString(this93.date), 7)
             ELSE toString(this93.date)
           END, authority: head(COLLECT {
             MATCH (this93)-[:BEFORE]->(this94:Authority)
             RETURN this94.name
           })}
         }}, others: COLLECT {
           MATCH (this81:Product)<-[:OF]-(this95:Plan)<-[:APPLIES_TO]-(this96:Practice)-[this97:HANDLES]->(this86:Right)
           WHERE (this95 <> this84 AND this97.status IN ['IN_PRODUCT'] AND ((this96.inForceFrom <= date($param3) AND (this96.inForceUntil IS NULL OR this96.inForceUntil > date($param3)) AND (this96.retractedAt IS NULL OR date(this96.retractedAt) > date($param3))) AND (this95.availableFrom <= date($param3) AND (this95.availableUntil IS NULL OR this95.availableUntil > date($param3))) AND ($param4 IN this96.scope OR 'WORLDWIDE' IN this96.scope)) AND EXISTS {
             (this96)-[:FOR_PURPOSE]->(this83)
           })
           WITH this95, this96, this97
           ORDER BY this95.id ASC, this96.id ASC
           RETURN {plan: {id: this95.id, name: this95.name, paid: this95.paid}, practice: {id: this96.id, verification: this96.verification, default: this96.default, validFrom: CASE this96.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this96.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this96.validFrom), 7)
             ELSE toString(this96.validFrom)
           END, inForceFrom: toString(this96.inForceFrom), status: this97.status, mechanism: this97.mechanism, evidence: COLLECT {
             MATCH (this96)-[this98:EVIDENCED_BY]->(this99:Source)
             WITH this98, this99
             ORDER BY this99.publishedAt ASC, this99.id ASC
             RETURN {stance: this98.stance, claim: this98.claim, right: this98.right, alternative: this98.alternative, claimant: CASE
               WHEN this98.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this100:(Company|Party|Authority))
                 WHERE this100.id = this98.claimedBy
                 RETURN this100.name
               })
             END, source: this99.id, publisher: this99.publisher, sourceKind: this99.kind, note: this98.note}
           }, incidents: COLLECT {
             MATCH (this101:Incident)-[:CONCERNS]->(this96)
             WHERE this101.retractedAt IS NULL
             WITH this101
             ORDER BY this101.date ASC, this101.id ASC
             RETURN {id: this101.id, kind: this101.kind, date: CASE this101.datePrecision
               WHEN 'YEAR' THEN left(toString(this101.date), 4)
               WHEN 'MONTH' THEN left(toString(this101.date), 7)
               ELSE toString(this101.date)
             END, authority: head(COLLECT {
               MATCH (this101)-[:BEFORE]->(this102:Authority)
               RETURN this102.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this82)-[:ON_BASIS]->(this103:LegalBasis)
           RETURN {id: this103.id, name: this103.name, definedBy: head(COLLECT {
             MATCH (this103)-[:DEFINED_BY]->(this104)
             RETURN this104.id
           })}
         })} AS var79
         UNION ALL
         WITH var53
         WHERE var53.kind = 'NO_WAY_TO_OBJECT'
         WITH var53.company AS this105, var53.product AS this106, var53.practice AS this107, var53.purpose AS this108, var53.handles AS this109, var53.right AS this110
         RETURN {kind: 'NO_WAY_TO_OBJECT', company: {id: this105.id, name: this105.name}, product: {id: this106.id, name: this106.name}, purpose: {id: this108.id, name: this108.name}, right: {code: this110.code, name: this110.name, openedBy: COLLECT {
           MATCH (this111:LegalBasis)-[:TRIGGERS]->(this110)
           WITH this111
           ORDER BY this111.id ASC
           RETURN this111.name
         }, grantedBy: COLLECT {
           MATCH (this110)-[:GRANTED_BY]->(this112:Provision)
           WITH this112
           ORDER BY this112.id ASC
           RETURN this112.id
         }}, rightDependsOnBasis: true, plans: COLLECT {
           MATCH (this107)-[:APPLIES_TO]->(this113:Plan)-[:OF]->(this106)-[:OFFERED_BY]->(this105)
           WHERE (this113.availableFrom <= date($param3) AND (this113.availableUntil IS NULL OR this113.availableUntil > date($param3)))
           WITH this113
           ORDER BY this113.id ASC
           RETURN {id: this113.id, name: this113.name, paid: this113.paid}
         }, practice: {id: this107.id, verification: this107.verification, default: this107.default, validFrom: CASE this107.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this107.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this107.validFrom), 7)
           ELSE toString(this107.validFrom)
         END, inForceFrom: toString(this107.inForceFrom), status: this109.status, mechanism: this109.mechanism, evidence: COLLECT {
           MATCH (this107)-[this114:EVIDENCED_BY]->(this115:Source)
           WITH this114, this115
           ORDER BY this115.publishedAt ASC, this115.id ASC
           RETURN {stance: this114.stance, claim: this114.claim, right: this114.right, alternative: this114.alternative, claimant: CASE
             WHEN this114.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this116:(Company|Party|Authority))
               WHERE this116.id = this114.claimedBy
               RETURN this116.name
             })
           END, source: this115.id, publisher: this115.publisher, sourceKind: this115.kind, note: this114.note}
         }, incidents: COLLECT {
           MATCH (this117:Incident)-[:CONCERNS]->(this107)
           WHERE this117.retractedAt IS NULL
           WITH this117
           ORDER BY this117.date ASC, this117.id ASC
           RETURN {id: this117.id, kind: this117.kind, date: CASE this117.datePrecision
             WHEN 'YEAR' THEN left(toString(this117.date), 4)
             WHEN 'MONTH' THEN left(toString(this117.date), 7)
             ELSE toString(this117.date)
           END, authority: head(COLLECT {
             MATCH (this117)-[:BEFORE]->(this118:Authority)
             RETURN this118.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this107)-[:ON_BASIS]->(this119:LegalBasis)
           RETURN {id: this119.id, name: this119.name, definedBy: head(COLLECT {
             MATCH (this119)-[:DEFINED_BY]->(this120)
             RETURN this120.id
           })}
         })} AS var79
         UNION ALL
         WITH var53
         WHERE var53.kind = 'TRAINING_ON_BY_DEFAULT'
         WITH var53.company AS this121, var53.product AS this122, var53.practice AS this123, var53.purpose AS this124
         RETURN {kind: 'TRAINING_ON_BY_DEFAULT', company: {id: this121.id, name: this121.name}, product: {id: this122.id, name: this122.name}, purpose: {id: this124.id, name: this124.name}, right: NULL, rightDependsOnBasis: false, plans: COLLECT {
           MATCH (this123)-[:APPLIES_TO]->(this125:Plan)-[:OF]->(this122)-[:OFFERED_BY]->(this121)
           WHERE (this125.availableFrom <= date($param3) AND (this125.availableUntil IS NULL OR this125.availableUntil > date($param3)))
           WITH this125
           ORDER BY this125.id ASC
           RETURN {id: this125.id, name: this125.name, paid: this125.paid}
         }, practice: {id: this123.id, verification: this123.verification, default: this123.default, validFrom: CASE this123.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this123.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this123.validFrom), 7)
           ELSE toString(this123.validFrom)
         END, inForceFrom: toString(this123.inForceFrom), status: NULL, mechanism: NULL, evidence: COLLECT {
           MATCH (this123)-[this126:EVIDENCED_BY]->(this127:Source)
           WITH this126, this127
           ORDER BY this127.publishedAt ASC, this127.id ASC
           RETURN {stance: this126.stance, claim: this126.claim, right: this126.right, alternative: this126.alternative, claimant: CASE
             WHEN this126.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this128:(Company|Party|Authority))
               WHERE this128.id = this126.claimedBy
               RETURN this128.name
             })
           END, source: this127.id, publisher: this127.publisher, sourceKind: this127.kind, note: this126.note}
         }, incidents: COLLECT {
           MATCH (this129:Incident)-[:CONCERNS]->(this123)
           WHERE this129.retractedAt IS NULL
           WITH this129
           ORDER BY this129.date ASC, this129.id ASC
           RETURN {id: this129.id, kind: this129.kind, date: CASE this129.datePrecision
             WHEN 'YEAR' THEN left(toString(this129.date), 4)
             WHEN 'MONTH' THEN left(toString(this129.date), 7)
             ELSE toString(this129.date)
           END, authority: head(COLLECT {
             MATCH (this129)-[:BEFORE]->(this130:Authority)
             RETURN this130.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this123)-[:ON_BASIS]->(this131:LegalBasis)
           RETURN {id: this131.id, name: this131.name, definedBy: head(COLLECT {
             MATCH (this131)-[:DEFINED_BY]->(this132)
             RETURN this132.id
           })}
         }), dataCategories: COLLECT {
           MATCH (this123)-[:PROCESSES]->(this133:DataCategory)
           WITH this133
           ORDER BY this133.id ASC
           RETURN this133.name
         }} AS var79
       }
       RETURN {id: var53.id, companyName: var53.companyName, facts: var79}
     } AS page"
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
