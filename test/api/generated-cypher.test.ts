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
     RETURN true AS found, head(COLLECT {
       MATCH (this0:Right { code: $param0 })<-[this1:HANDLES]-(this2:Practice)
       USING INDEX this1:HANDLES(status)
       WHERE (this1.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND (this2.inForceFrom <= date($param1) AND (this2.inForceUntil IS NULL OR this2.inForceUntil > date($param1)) AND (this2.retractedAt IS NULL OR date(this2.retractedAt) > date($param1))) AND ($param2 IN this2.scope OR 'WORLDWIDE' IN this2.scope))
       CALL (this2) {
         WITH this2
         WHERE ($param3 IS NULL OR EXISTS {
           (this2)-[:FOR_PURPOSE]->(this3:Purpose { id: $param3 })
         })
         RETURN true AS var4
       }
       MATCH (this2)-[:APPLIES_TO]->(this5:Plan)-[:OF]->(this6:Product)-[:OFFERED_BY]->(this7:Company)
       WHERE (this5.availableFrom <= date($param1) AND (this5.availableUntil IS NULL OR this5.availableUntil > date($param1)))
       WITH {company: this7, product: this6, plan: this5, practice: this2, handles: this1, right: this0, companyName: this7.name, productName: this6.name, rank: CASE this5.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this5.id, practiceId: this2.id} AS this8
       WITH collect(this8) AS var9
       RETURN {t: size(var9), r: COLLECT {
         UNWIND var9 AS this8
         WITH this8
         ORDER BY this8.companyName ASC, this8.productName ASC, this8.rank ASC, this8.planId ASC, this8.practiceId ASC
         LIMIT $param4
         RETURN {k: [this8.companyName, this8.productName, this8.rank, this8.planId, this8.practiceId], n: [[head([this10 IN [this8.plan] WHERE this10 IS NOT NULL | [this10.id, this10.name]]), this8.handles.status, (this8.practice IS NOT NULL AND EXISTS {
           WITH this8.practice AS this11, this8.right.code AS var12
           MATCH (this11)-[this13:EVIDENCED_BY]->(this14:Source)
           WHERE (this13.stance = 'DISPUTES' AND (this13.claim = 'WHOLE' OR (this13.claim = 'RIGHT' AND this13.right = var12)))
           RETURN this13
         }), COLLECT {
           WITH this8.practice AS this15, this8.right.code AS var16
           MATCH (this15)-[this17:EVIDENCED_BY]->(this18:Source)
           WHERE (this17.stance = 'DISPUTES' AND (this17.claim = 'WHOLE' OR (this17.claim = 'RIGHT' AND this17.right = var16)))
           WITH this18, this17
           ORDER BY this18.publishedAt ASC, this18.id ASC
           RETURN [this17.alternative, head([this19 IN [CASE
             WHEN this17.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this20:(Company|Party|Authority))
               WHERE this20.id = this17.claimedBy
               RETURN this20
             })
           END] WHERE this19 IS NOT NULL | [this19.name]])]
         }]]}
       }}
     }) AS root",
       "name": "plansDenyingRight",
       "params": {
         "param0": "OBJECT",
         "param1": "2025-03-01",
         "param2": "EEA",
         "param3": "ai-model-training",
         "param4": 21,
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
     RETURN head(COLLECT {
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
       WITH collect(this3) AS var4
       RETURN {t: size(var4), r: COLLECT {
         UNWIND var4 AS this3
         WITH this3
         ORDER BY this3.companyName ASC, this3.productName ASC, this3.rank ASC, this3.planId ASC
         LIMIT $param2
         RETURN {k: [this3.companyName, this3.productName, this3.rank, this3.planId], n: [[head([this5 IN [this3.plan] WHERE this5 IS NOT NULL | [this5.id, this5.paid]]), COLLECT {
           WITH this3.plan AS this6
           WITH COLLECT {
             MATCH (this6)<-[:APPLIES_TO]-(this7:Practice)
             WHERE ((this7.inForceFrom <= date($param1) AND (this7.inForceUntil IS NULL OR this7.inForceUntil > date($param1)) AND (this7.retractedAt IS NULL OR date(this7.retractedAt) > date($param1))) AND ($param3 IN this7.scope OR 'WORLDWIDE' IN this7.scope))
             WITH this7
             WHERE ($param4 IS NULL OR EXISTS {
               (this7)-[:FOR_PURPOSE]->(this8:Purpose { id: $param4 })
             })
             MATCH (this7)-[this9:HANDLES]->(this10)
             WHERE this10.code IN $param5
             WITH this10, this7, this9
             ORDER BY this7.inForceFrom DESC, this7.id ASC
             RETURN {code: this10.code, practice: this7, handles: this9}
           } AS var11
           UNWIND [var13 IN $param5 | coalesce(head([var12 IN var11 WHERE var12.code = var13]), {code: var13})] AS this14
           WITH this14
           RETURN [this14.code, coalesce(this14.handles.status, 'UNKNOWN'), this14.handles.mechanism, (this14.practice IS NOT NULL AND EXISTS {
             WITH this14.practice AS this15, this14.code AS var16
             MATCH (this15)-[this17:EVIDENCED_BY]->(this18:Source)
             WHERE (this17.stance = 'DISPUTES' AND (this17.claim = 'WHOLE' OR (this17.claim = 'RIGHT' AND this17.right = var16)))
             RETURN this17
           })]
         }]]}
       }}
     }) AS root",
       "name": "rightsMatrix",
       "params": {
         "param0": [
           "fx-corp",
         ],
         "param1": "2025-03-01",
         "param2": 21,
         "param3": "EEA",
         "param4": "ai-model-training",
         "param5": [
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
       MATCH (this1:Practice)-[this2:HANDLES]->(this3:Right)
       USING INDEX this2:HANDLES(status)
       WHERE (this2.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND this1.default <> 'NEVER' AND (this1.inForceFrom <= date($param1) AND (this1.inForceUntil IS NULL OR this1.inForceUntil > date($param1)) AND (this1.retractedAt IS NULL OR date(this1.retractedAt) > date($param1))) AND ($param2 IN this1.scope OR 'WORLDWIDE' IN this1.scope))
       CALL (this1, this3) {
         WITH this1, this3
         WHERE (EXISTS {
           (this4:Provision { id: 'gdpr-12-5' })-[:COVERS]->(this3)
         } AND (NOT (EXISTS {
           (this5:LegalBasis)-[:TRIGGERS]->(this3)
         }) OR NOT (EXISTS {
           (this1)-[:ON_BASIS]->(this6:LegalBasis)
         }) OR EXISTS {
           (this1)-[:ON_BASIS]->(this7:LegalBasis)-[:TRIGGERS]->(this3)
         }))
         RETURN true AS var8
       }
       MATCH (this9:Company)<-[:OFFERED_BY]-(this10:Product)<-[:OF]-(this11:Plan)<-[:APPLIES_TO]-(this1)
       WHERE (($param3 = true OR this9.id IN $param4) AND (this11.availableFrom <= date($param1) AND (this11.availableUntil IS NULL OR this11.availableUntil > date($param1))))
       MATCH (this1)-[:FOR_PURPOSE]->(this12:Purpose)
       WHERE EXISTS {
         MATCH (this10:Product)<-[:OF]-(this13:Plan)<-[:APPLIES_TO]-(this14:Practice)
         WHERE (this13 <> this11 AND ((this14.inForceFrom <= date($param1) AND (this14.inForceUntil IS NULL OR this14.inForceUntil > date($param1)) AND (this14.retractedAt IS NULL OR date(this14.retractedAt) > date($param1))) AND (this13.availableFrom <= date($param1) AND (this13.availableUntil IS NULL OR this13.availableUntil > date($param1))) AND ($param2 IN this14.scope OR 'WORLDWIDE' IN this14.scope)) AND EXISTS {
           (this14)-[:FOR_PURPOSE]->(this12)
         } AND this13.paid = true)
         CALL (this14, this3) {
           MATCH (this14)-[this15:HANDLES]->(this3)
           WHERE this15.status IN ['IN_PRODUCT', 'ON_REQUEST']
           RETURN this15
         }
       }
       RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', companyName: this9.name, id: ('right-conditioned-on-payment:' + this1.id + ':' + this11.id + ':' + this3.code), planId: this11.id, companyId: this9.id, company: this9.id, product: this10.id, plan: this11.id, practice: this1.id, handles: elementId(this2), right: this3.id, purpose: this12.id} AS var16
       UNION ALL
       WITH 'RIGHT_ONLY_ON_REQUEST' AS var17
       WHERE 'RIGHT_ONLY_ON_REQUEST' IN $param0
       MATCH (this18:Practice)-[this19:HANDLES]->(this20:Right)
       USING INDEX this19:HANDLES(status)
       WHERE (this19.status IN ['ON_REQUEST'] AND this18.default <> 'NEVER' AND (this18.inForceFrom <= date($param1) AND (this18.inForceUntil IS NULL OR this18.inForceUntil > date($param1)) AND (this18.retractedAt IS NULL OR date(this18.retractedAt) > date($param1))) AND ($param2 IN this18.scope OR 'WORLDWIDE' IN this18.scope))
       CALL (this18, this20) {
         WITH this18, this20
         WHERE (EXISTS {
           (this21:Provision { id: 'gdpr-12-2' })-[:COVERS]->(this20)
         } AND (NOT (EXISTS {
           (this22:LegalBasis)-[:TRIGGERS]->(this20)
         }) OR NOT (EXISTS {
           (this18)-[:ON_BASIS]->(this23:LegalBasis)
         }) OR EXISTS {
           (this18)-[:ON_BASIS]->(this24:LegalBasis)-[:TRIGGERS]->(this20)
         }))
         RETURN true AS var25
       }
       MATCH (this26:Company)<-[:OFFERED_BY]-(this27:Product)<-[:OF]-(this28:Plan)<-[:APPLIES_TO]-(this18)
       WHERE (($param3 = true OR this26.id IN $param4) AND (this28.availableFrom <= date($param1) AND (this28.availableUntil IS NULL OR this28.availableUntil > date($param1))))
       MATCH (this18)-[:FOR_PURPOSE]->(this29:Purpose)
       WHERE EXISTS {
         MATCH (this27:Product)<-[:OF]-(this30:Plan)<-[:APPLIES_TO]-(this31:Practice)
         WHERE (this30 <> this28 AND ((this31.inForceFrom <= date($param1) AND (this31.inForceUntil IS NULL OR this31.inForceUntil > date($param1)) AND (this31.retractedAt IS NULL OR date(this31.retractedAt) > date($param1))) AND (this30.availableFrom <= date($param1) AND (this30.availableUntil IS NULL OR this30.availableUntil > date($param1))) AND ($param2 IN this31.scope OR 'WORLDWIDE' IN this31.scope)) AND EXISTS {
           (this31)-[:FOR_PURPOSE]->(this29)
         })
         CALL (this31, this20) {
           MATCH (this31)-[this32:HANDLES]->(this20)
           WHERE this32.status IN ['IN_PRODUCT']
           RETURN this32
         }
       }
       RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', companyName: this26.name, id: ('right-only-on-request:' + this18.id + ':' + this28.id + ':' + this20.code), planId: this28.id, companyId: this26.id, company: this26.id, product: this27.id, plan: this28.id, practice: this18.id, handles: elementId(this19), right: this20.id, purpose: this29.id} AS var16
       UNION ALL
       WITH 'NO_WAY_TO_OBJECT' AS var33
       WHERE 'NO_WAY_TO_OBJECT' IN $param0
       MATCH (this34:Right { code: 'OBJECT' })<-[this35:HANDLES]-(this36:Practice)
       USING INDEX this35:HANDLES(status)
       WHERE (this35.status = 'UNAVAILABLE' AND this36.default <> 'NEVER' AND (this36.inForceFrom <= date($param1) AND (this36.inForceUntil IS NULL OR this36.inForceUntil > date($param1)) AND (this36.retractedAt IS NULL OR date(this36.retractedAt) > date($param1))) AND ($param2 IN this36.scope OR 'WORLDWIDE' IN this36.scope))
       CALL (this36, this34) {
         WITH this36, this34
         WHERE (NOT (EXISTS {
           (this36)-[:ON_BASIS]->(this37:LegalBasis)
         }) OR EXISTS {
           (this36)-[:ON_BASIS]->(this38:LegalBasis)-[:TRIGGERS]->(this34)
         })
         RETURN true AS var39
       }
       MATCH (this36)-[:APPLIES_TO]->(this40:Plan)-[:OF]->(this41:Product)-[:OFFERED_BY]->(this42:Company)
       WHERE (($param3 = true OR this42.id IN $param4) AND (this40.availableFrom <= date($param1) AND (this40.availableUntil IS NULL OR this40.availableUntil > date($param1))))
       MATCH (this36)-[:FOR_PURPOSE]->(this43:Purpose)
       RETURN {kind: 'NO_WAY_TO_OBJECT', companyName: this42.name, id: ('no-way-to-object:' + this36.id), planId: this40.id, companyId: this42.id, company: this42.id, product: this41.id, plan: NULL, practice: this36.id, handles: elementId(this35), right: this34.id, purpose: this43.id} AS var16
       UNION ALL
       WITH 'TRAINING_ON_BY_DEFAULT' AS var44
       WHERE 'TRAINING_ON_BY_DEFAULT' IN $param0
       MATCH (this45:Purpose { id: 'ai-model-training' })<-[:FOR_PURPOSE]-(this46:Practice)
       WHERE (this46.default = 'ON' AND (this46.inForceFrom <= date($param1) AND (this46.inForceUntil IS NULL OR this46.inForceUntil > date($param1)) AND (this46.retractedAt IS NULL OR date(this46.retractedAt) > date($param1))) AND ($param2 IN this46.scope OR 'WORLDWIDE' IN this46.scope))
       MATCH (this46)-[:APPLIES_TO]->(this47:Plan)-[:OF]->(this48:Product)-[:OFFERED_BY]->(this49:Company)
       WHERE (($param3 = true OR this49.id IN $param4) AND (this47.availableFrom <= date($param1) AND (this47.availableUntil IS NULL OR this47.availableUntil > date($param1))))
       RETURN {kind: 'TRAINING_ON_BY_DEFAULT', companyName: this49.name, id: ('training-on-by-default:' + this46.id), planId: this47.id, companyId: this49.id, company: this49.id, product: this48.id, plan: NULL, practice: this46.id, handles: NULL, right: NULL, purpose: this45.id} AS var16
     }
     WITH var16.id AS var50, collect(var16) AS var51
     WITH reduce(var52 = head(var51), var53 IN tail(var51) | CASE
       WHEN var53.planId < var52.planId THEN var53
       ELSE var52
     END) AS var54
     WITH var54
     ORDER BY var54.kind ASC, var54.companyName ASC, var54.id ASC
     WITH collect(var54) AS var55
     WITH size(var55) AS var56, [var57 IN var55 WHERE (size($param5) = 0 OR var57.kind > $param5[0] OR (var57.kind = $param5[0] AND var57.companyName > $param5[1]) OR (var57.kind = $param5[0] AND var57.companyName = $param5[1] AND var57.id > $param5[2]))] AS var58
     CALL (var58) {
       UNWIND var58 AS var59
       WITH var59
       
       LIMIT $param6
       RETURN collect(var59) AS var60
     }
     WITH var56, var60
     CALL (var60) {
       UNWIND var60 AS var59
       CALL (var59) {
         WITH var59
         WHERE var59.kind = 'RIGHT_CONDITIONED_ON_PAYMENT'
         MATCH (this61:Entity { id: var59.company })
         WITH var59, this61
         MATCH (this62:Entity { id: var59.product })
         WITH var59, this61, this62
         MATCH (this63:Entity { id: var59.practice })
         WITH var59, this61, this62, this63
         MATCH (this64:Entity { id: var59.purpose })
         WITH var59, this61, this62, this63, this64
         MATCH (this65:Entity { id: var59.plan })
         WITH var59, this61, this62, this63, this64, this65
         MATCH (this66:Entity { id: var59.right })
         WITH var59, this61, this62, this63, this64, this65, this66
         MATCH (this63)-[this67:HANDLES]->(this66)
         WHERE elementId(this67) = var59.handles
         RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', company: {id: this61.id, name: this61.name}, product: {id: this62.id, name: this62.name}, purpose: {id: this64.id, name: this64.name}, right: {code: this66.code, name: this66.name, openedBy: COLLECT {
           MATCH (this68:LegalBasis)-[:TRIGGERS]->(this66)
           WITH this68
           ORDER BY this68.id ASC
           RETURN this68.name
         }, grantedBy: COLLECT {
           MATCH (this66)-[:GRANTED_BY]->(this69:Provision)
           WITH this69
           ORDER BY this69.id ASC
           RETURN this69.id
         }}, rightDependsOnBasis: EXISTS {
           (this70:LegalBasis)-[:TRIGGERS]->(this66)
         }, plans: [{id: this65.id, name: this65.name, paid: this65.paid}], practice: {id: this63.id, verification: this63.verification, default: this63.default, validFrom: CASE this63.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this63.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this63.validFrom), 7)
           ELSE toString(this63.validFrom)
         END, inForceFrom: toString(this63.inForceFrom), status: this67.status, mechanism: this67.mechanism, evidence: COLLECT {
           MATCH (this63)-[this71:EVIDENCED_BY]->(this72:Source)
           WITH this71, this72
           ORDER BY this72.publishedAt ASC, this72.id ASC
           RETURN {stance: this71.stance, claim: this71.claim, right: this71.right, alternative: this71.alternative, claimant: CASE
             WHEN this71.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this73:(Company|Party|Authority))
               WHERE this73.id = this71.claimedBy
               RETURN this73.name
             })
           END, source: this72.id, publisher: this72.publisher, sourceKind: this72.kind, note: this71.note}
         }, incidents: COLLECT {
           MATCH (this74:Incident)-[:CONCERNS]->(this63)
           WHERE this74.retractedAt IS NULL
           WITH this74
           ORDER BY this74.date ASC, this74.id ASC
           RETURN {id: this74.id, kind: this74.kind, date: CASE this74.datePrecision
             WHEN 'YEAR' THEN left(toString(this74.date), 4)
             WHEN 'MONTH' THEN left(toString(this74.date), 7)
             ELSE toString(this74.date)
           END, authority: head(COLLECT {
             MATCH (this74)-[:BEFORE]->(this75:Authority)
             RETURN this75.name
           })}
         }}, others: COLLECT {
           MATCH (this62:Product)<-[:OF]-(this76:Plan)<-[:APPLIES_TO]-(this77:Practice)
           WHERE (this76 <> this65 AND ((this77.inForceFrom <= date($param1) AND (this77.inForceUntil IS NULL OR this77.inForceUntil > date($param1)) AND (this77.retractedAt IS NULL OR date(this77.retractedAt) > date($param1))) AND (this76.availableFrom <= date($param1) AND (this76.availableUntil IS NULL OR this76.availableUntil > date($param1))) AND ($param2 IN this77.scope OR 'WORLDWIDE' IN this77.scope)) AND EXISTS {
             (this77)-[:FOR_PURPOSE]->(this64)
           } AND this76.paid = true)
           CALL (this77, this66) {
             MATCH (this77)-[this78:HANDLES]->(this66)
             WHERE this78.status IN ['IN_PRODUCT', 'ON_REQUEST']
             RETURN this78
           }
           WITH this76, this77, this78
           ORDER BY this76.id ASC, this77.id ASC
           RETURN {plan: {id: this76.id, name: this76.name, paid: this76.paid}, practice: {id: this77.id, verification: this77.verification, default: this77.default, validFrom: CASE this77.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this77.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this77.validFrom), 7)
             ELSE toString(this77.validFrom)
           END, inForceFrom: toString(this77.inForceFrom), status: this78.status, mechanism: this78.mechanism, evidence: COLLECT {
             MATCH (this77)-[this79:EVIDENCED_BY]->(this80:Source)
             WITH this79, this80
             ORDER BY this80.publishedAt ASC, this80.id ASC
             RETURN {stance: this79.stance, claim: this79.claim, right: this79.right, alternative: this79.alternative, claimant: CASE
               WHEN this79.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this81:(Company|Party|Authority))
                 WHERE this81.id = this79.claimedBy
                 RETURN this81.name
               })
             END, source: this80.id, publisher: this80.publisher, sourceKind: this80.kind, note: this79.note}
           }, incidents: COLLECT {
             MATCH (this82:Incident)-[:CONCERNS]->(this77)
             WHERE this82.retractedAt IS NULL
             WITH this82
             ORDER BY this82.date ASC, this82.id ASC
             RETURN {id: this82.id, kind: this82.kind, date: CASE this82.datePrecision
               WHEN 'YEAR' THEN left(toString(this82.date), 4)
               WHEN 'MONTH' THEN left(toString(this82.date), 7)
               ELSE toString(this82.date)
             END, authority: head(COLLECT {
               MATCH (this82)-[:BEFORE]->(this83:Authority)
               RETURN this83.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this63)-[:ON_BASIS]->(this84:LegalBasis)
           RETURN {id: this84.id, name: this84.name, definedBy: head(COLLECT {
             MATCH (this84)-[:DEFINED_BY]->(this85)
             RETURN this85.id
           })}
         })} AS var86
         UNION ALL
         WITH var59
         WHERE var59.kind = 'RIGHT_ONLY_ON_REQUEST'
         MATCH (this87:Entity { id: var59.company })
         WITH var59, this87
         MATCH (this88:Entity { id: var59.product })
         WITH var59, this87, this88
         MATCH (this89:Entity { id: var59.practice })
         WITH var59, this87, this88, this89
         MATCH (this90:Entity { id: var59.purpose })
         WITH var59, this87, this88, this89, this90
         MATCH (this91:Entity { id: var59.plan })
         WITH var59, this87, this88, this89, this90, this91
         MATCH (this92:Entity { id: var59.right })
         WITH var59, this87, this88, this89, this90, this91, this92
         MATCH (this89)-[this93:HANDLES]->(this92)
         WHERE elementId(this93) = var59.handles
         RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', company: {id: this87.id, name: this87.name}, product: {id: this88.id, name: this88.name}, purpose: {id: this90.id, name: this90.name}, right: {code: this92.code, name: this92.name, openedBy: COLLECT {
           MATCH (this94:LegalBasis)-[:TRIGGERS]->(this92)
           WITH this94
           ORDER BY this94.id ASC
           RETURN this94.name
         }, grantedBy: COLLECT {
           MATCH (this92)-[:GRANTED_BY]->(this95:Provision)
           WITH this95
           ORDER BY this95.id ASC
           RETURN this95.id
         }}, rightDependsOnBasis: EXISTS {
           (this96:LegalBasis)-[:TRIGGERS]->(this92)
         }, plans: [{id: this91.id, name: this91.name, paid: this91.paid}], practice: {id: this89.id, verification: this89.verification, default: this89.default, validFrom: CASE this89.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this89.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this89.validFrom), 7)
           ELSE toString(this89.validFrom)
         END, inForceFrom: toString(this89.inForceFrom), status: this93.status, mechanism: this93.mechanism, evidence: COLLECT {
           MATCH (this89)-[this97:EVIDENCED_BY]->(this98:Source)
           WITH this97, this98
           ORDER BY this98.publishedAt ASC, this98.id ASC
           RETURN {stance: this97.stance, claim: this97.claim, right: this97.right, alternative: this97.alternative, claimant: CASE
             WHEN this97.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this99:(Company|Party|Authority))
               WHERE this99.id = this97.claimedBy
               RETURN this99.name
             })
           END, source: this98.id, publisher: this98.publisher, sourceKind: this98.kind, note: this97.note}
         }, incidents: COLLECT {
           MATCH (this100:Incident)-[:CONCERNS]->(this89)
           WHERE this100.retractedAt IS NULL
           WITH this100
           ORDER BY this100.date ASC, this100.id ASC
           RETURN {id: this100.id, kind: this100.kind, date: CASE this100.datePrecision
             WHEN 'YEAR' THEN left(toString(this100.date), 4)
             WHEN 'MONTH' THEN left(toString(this100.date), 7)
             ELSE toString(this100.date)
           END, authority: head(COLLECT {
             MATCH (this100)-[:BEFORE]->(this101:Authority)
             RETURN this101.name
           })}
         }}, others: COLLECT {
           MATCH (this88:Product)<-[:OF]-(this102:Plan)<-[:APPLIES_TO]-(this103:Practice)
           WHERE (this102 <> this91 AND ((this103.inForceFrom <= date($param1) AND (this103.inForceUntil IS NULL OR this103.inForceUntil > date($param1)) AND (this103.retractedAt IS NULL OR date(this103.retractedAt) > date($param1))) AND (this102.availableFrom <= date($param1) AND (this102.availableUntil IS NULL OR this102.availableUntil > date($param1))) AND ($param2 IN this103.scope OR 'WORLDWIDE' IN this103.scope)) AND EXISTS {
             (this103)-[:FOR_PURPOSE]->(this90)
           })
           CALL (this103, this92) {
             MATCH (this103)-[this104:HANDLES]->(this92)
             WHERE this104.status IN ['IN_PRODUCT']
             RETURN this104
           }
           WITH this102, this103, this104
           ORDER BY this102.id ASC, this103.id ASC
           RETURN {plan: {id: this102.id, name: this102.name, paid: this102.paid}, practice: {id: this103.id, verification: this103.verification, default: this103.default, validFrom: CASE this103.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this103.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this103.validFrom), 7)
             ELSE toString(this103.validFrom)
           END, inForceFrom: toString(this103.inForceFrom), status: this104.status, mechanism: this104.mechanism, evidence: COLLECT {
             MATCH (this103)-[this105:EVIDENCED_BY]->(this106:Source)
             WITH this105, this106
             ORDER BY this106.publishedAt ASC, this106.id ASC
             RETURN {stance: this105.stance, claim: this105.claim, right: this105.right, alternative: this105.alternative, claimant: CASE
               WHEN this105.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this107:(Company|Party|Authority))
                 WHERE this107.id = this105.claimedBy
                 RETURN this107.name
               })
             END, source: this106.id, publisher: this106.publisher, sourceKind: this106.kind, note: this105.note}
           }, incidents: COLLECT {
             MATCH (this108:Incident)-[:CONCERNS]->(this103)
             WHERE this108.retractedAt IS NULL
             WITH this108
             ORDER BY this108.date ASC, this108.id ASC
             RETURN {id: this108.id, kind: this108.kind, date: CASE this108.datePrecision
               WHEN 'YEAR' THEN left(toString(this108.date), 4)
               WHEN 'MONTH' THEN left(toString(this108.date), 7)
               ELSE toString(this108.date)
             END, authority: head(COLLECT {
               MATCH (this108)-[:BEFORE]->(this109:Authority)
               RETURN this109.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this89)-[:ON_BASIS]->(this110:LegalBasis)
           RETURN {id: this110.id, name: this110.name, definedBy: head(COLLECT {
             MATCH (this110)-[:DEFINED_BY]->(this111)
             RETURN this111.id
           })}
         })} AS var86
         UNION ALL
         WITH var59
         WHERE var59.kind = 'NO_WAY_TO_OBJECT'
         MATCH (this112:Entity { id: var59.company })
         WITH var59, this112
         MATCH (this113:Entity { id: var59.product })
         WITH var59, this112, this113
         MATCH (this114:Entity { id: var59.practice })
         WITH var59, this112, this113, this114
         MATCH (this115:Entity { id: var59.purpose })
         WITH var59, this112, this113, this114, this115
         MATCH (this116:Entity { id: var59.right })
         WITH var59, this112, this113, this114, this115, this116
         MATCH (this114)-[this117:HANDLES]->(this116)
         WHERE elementId(this117) = var59.handles
         RETURN {kind: 'NO_WAY_TO_OBJECT', company: {id: this112.id, name: this112.name}, product: {id: this113.id, name: this113.name}, purpose: {id: this115.id, name: this115.name}, right: {code: this116.code, name: this116.name, openedBy: COLLECT {
           MATCH (this118:LegalBasis)-[:TRIGGERS]->(this116)
           WITH this118
           ORDER BY this118.id ASC
           RETURN this118.name
         }, grantedBy: COLLECT {
           MATCH (this116)-[:GRANTED_BY]->(this119:Provision)
           WITH this119
           ORDER BY this119.id ASC
           RETURN this119.id
         }}, rightDependsOnBasis: true, plans: COLLECT {
           MATCH (this114)-[:APPLIES_TO]->(this120:Plan)-[:OF]->(this113)-[:OFFERED_BY]->(this112)
           WHERE (this120.availableFrom <= date($param1) AND (this120.availableUntil IS NULL OR this120.availableUntil > date($param1)))
           WITH this120
           ORDER BY this120.id ASC
           RETURN {id: this120.id, name: this120.name, paid: this120.paid}
         }, practice: {id: this114.id, verification: this114.verification, default: this114.default, validFrom: CASE this114.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this114.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this114.validFrom), 7)
           ELSE toString(this114.validFrom)
         END, inForceFrom: toString(this114.inForceFrom), status: this117.status, mechanism: this117.mechanism, evidence: COLLECT {
           MATCH (this114)-[this121:EVIDENCED_BY]->(this122:Source)
           WITH this121, this122
           ORDER BY this122.publishedAt ASC, this122.id ASC
           RETURN {stance: this121.stance, claim: this121.claim, right: this121.right, alternative: this121.alternative, claimant: CASE
             WHEN this121.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this123:(Company|Party|Authority))
               WHERE this123.id = this121.claimedBy
               RETURN this123.name
             })
           END, source: this122.id, publisher: this122.publisher, sourceKind: this122.kind, note: this121.note}
         }, incidents: COLLECT {
           MATCH (this124:Incident)-[:CONCERNS]->(this114)
           WHERE this124.retractedAt IS NULL
           WITH this124
           ORDER BY this124.date ASC, this124.id ASC
           RETURN {id: this124.id, kind: this124.kind, date: CASE this124.datePrecision
             WHEN 'YEAR' THEN left(toString(this124.date), 4)
             WHEN 'MONTH' THEN left(toString(this124.date), 7)
             ELSE toString(this124.date)
           END, authority: head(COLLECT {
             MATCH (this124)-[:BEFORE]->(this125:Authority)
             RETURN this125.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this114)-[:ON_BASIS]->(this126:LegalBasis)
           RETURN {id: this126.id, name: this126.name, definedBy: head(COLLECT {
             MATCH (this126)-[:DEFINED_BY]->(this127)
             RETURN this127.id
           })}
         })} AS var86
         UNION ALL
         WITH var59
         WHERE var59.kind = 'TRAINING_ON_BY_DEFAULT'
         MATCH (this128:Entity { id: var59.company })
         WITH var59, this128
         MATCH (this129:Entity { id: var59.product })
         WITH var59, this128, this129
         MATCH (this130:Entity { id: var59.practice })
         WITH var59, this128, this129, this130
         MATCH (this131:Entity { id: var59.purpose })
         WITH var59, this128, this129, this130, this131
         RETURN {kind: 'TRAINING_ON_BY_DEFAULT', company: {id: this128.id, name: this128.name}, product: {id: this129.id, name: this129.name}, purpose: {id: this131.id, name: this131.name}, right: NULL, rightDependsOnBasis: false, plans: COLLECT {
           MATCH (this130)-[:APPLIES_TO]->(this132:Plan)-[:OF]->(this129)-[:OFFERED_BY]->(this128)
           WHERE (this132.availableFrom <= date($param1) AND (this132.availableUntil IS NULL OR this132.availableUntil > date($param1)))
           WITH this132
           ORDER BY this132.id ASC
           RETURN {id: this132.id, name: this132.name, paid: this132.paid}
         }, practice: {id: this130.id, verification: this130.verification, default: this130.default, validFrom: CASE this130.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this130.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this130.validFrom), 7)
           ELSE toString(this130.validFrom)
         END, inForceFrom: toString(this130.inForceFrom), status: NULL, mechanism: NULL, evidence: COLLECT {
           MATCH (this130)-[this133:EVIDENCED_BY]->(this134:Source)
           WITH this133, this134
           ORDER BY this134.publishedAt ASC, this134.id ASC
           RETURN {stance: this133.stance, claim: this133.claim, right: this133.right, alternative: this133.alternative, claimant: CASE
             WHEN this133.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this135:(Company|Party|Authority))
               WHERE this135.id = this133.claimedBy
               RETURN this135.name
             })
           END, source: this134.id, publisher: this134.publisher, sourceKind: this134.kind, note: this133.note}
         }, incidents: COLLECT {
           MATCH (this136:Incident)-[:CONCERNS]->(this130)
           WHERE this136.retractedAt IS NULL
           WITH this136
           ORDER BY this136.date ASC, this136.id ASC
           RETURN {id: this136.id, kind: this136.kind, date: CASE this136.datePrecision
             WHEN 'YEAR' THEN left(toString(this136.date), 4)
             WHEN 'MONTH' THEN left(toString(this136.date), 7)
             ELSE toString(this136.date)
           END, authority: head(COLLECT {
             MATCH (this136)-[:BEFORE]->(this137:Authority)
             RETURN this137.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this130)-[:ON_BASIS]->(this138:LegalBasis)
           RETURN {id: this138.id, name: this138.name, definedBy: head(COLLECT {
             MATCH (this138)-[:DEFINED_BY]->(this139)
             RETURN this139.id
           })}
         }), dataCategories: COLLECT {
           MATCH (this130)-[:PROCESSES]->(this140:DataCategory)
           WITH this140
           ORDER BY this140.id ASC
           RETURN this140.name
         }} AS var86
       }
       RETURN collect({id: var59.id, companyName: var59.companyName, facts: var86}) AS var141
     }
     RETURN var56 AS total, var141 AS page"
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
     } AS found, head(COLLECT {
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
       WITH collect(this26) AS var27
       RETURN {t: size(var27), r: COLLECT {
         UNWIND var27 AS this26
         WITH this26
         ORDER BY this26.day ASC, this26.id ASC
         LIMIT $param3
         RETURN {k: [toString(this26.day), this26.id], n: [[this26.date, this26.kind, this26.titleFacts, this26.changeFacts, [this28 IN coalesce(this26.plans, []) | [this28.id]]]]}
       }}
     }) AS root",
       "name": "timeline",
       "params": {
         "param0": "fx-corp",
         "param1": "fx-corp",
         "param2": "2025-01-01",
         "param3": 21,
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
       WHERE (this0.date <= date($param2) AND (this0.date < date($param2) OR this0.id < $param3))
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
