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
       RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', companyName: this1.name, id: ('right-conditioned-on-payment:' + this4.id + ':' + this3.id + ':' + this6.code), planId: this3.id, companyId: this1.id, company: this1.id, product: this2.id, plan: this3.id, practice: this4.id, handles: elementId(this5), right: this6.id, purpose: this11.id} AS var15
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
       RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', companyName: this17.name, id: ('right-only-on-request:' + this20.id + ':' + this19.id + ':' + this22.code), planId: this19.id, companyId: this17.id, company: this17.id, product: this18.id, plan: this19.id, practice: this20.id, handles: elementId(this21), right: this22.id, purpose: this27.id} AS var15
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
       RETURN {kind: 'NO_WAY_TO_OBJECT', companyName: this39.name, id: ('no-way-to-object:' + this34.id), planId: this37.id, companyId: this39.id, company: this39.id, product: this38.id, plan: NULL, practice: this34.id, handles: elementId(this33), right: this32.id, purpose: this40.id} AS var15
       UNION ALL
       WITH 'TRAINING_ON_BY_DEFAULT' AS var41
       WHERE 'TRAINING_ON_BY_DEFAULT' IN $param0
       MATCH (this42:Purpose { id: 'ai-model-training' })<-[:FOR_PURPOSE]-(this43:Practice)
       WHERE (this43.default = 'ON' AND (this43.inForceFrom <= date($param3) AND (this43.inForceUntil IS NULL OR this43.inForceUntil > date($param3)) AND (this43.retractedAt IS NULL OR date(this43.retractedAt) > date($param3))) AND ($param4 IN this43.scope OR 'WORLDWIDE' IN this43.scope))
       MATCH (this43)-[:APPLIES_TO]->(this44:Plan)-[:OF]->(this45:Product)-[:OFFERED_BY]->(this46:Company)
       WHERE (($param1 = true OR this46.id IN $param2) AND (this44.availableFrom <= date($param3) AND (this44.availableUntil IS NULL OR this44.availableUntil > date($param3))))
       RETURN {kind: 'TRAINING_ON_BY_DEFAULT', companyName: this46.name, id: ('training-on-by-default:' + this43.id), planId: this44.id, companyId: this46.id, company: this46.id, product: this45.id, plan: NULL, practice: this43.id, handles: NULL, right: NULL, purpose: this42.id} AS var15
     }
     WITH var15.id AS var47, collect(var15) AS var48
     WITH reduce(var49 = head(var48), var50 IN tail(var48) | CASE
       WHEN var50.planId < var49.planId THEN var50
       ELSE var49
     END) AS var51
     WITH var51
     ORDER BY var51.kind ASC, var51.companyName ASC, var51.id ASC
     WITH collect(var51) AS var52
     WITH size(var52) AS var53, [var54 IN var52 WHERE (size($param5) = 0 OR var54.kind > $param5[0] OR (var54.kind = $param5[0] AND var54.companyName > $param5[1]) OR (var54.kind = $param5[0] AND var54.companyName = $param5[1] AND var54.id > $param5[2]))] AS var55
     CALL (var55) {
       UNWIND var55 AS var56
       WITH var56
       
       LIMIT $param6
       RETURN collect(var56) AS var57
     }
     WITH var53, var57
     CALL (var57) {
       UNWIND var57 AS var56
       CALL (var56) {
         WITH var56
         WHERE var56.kind = 'RIGHT_CONDITIONED_ON_PAYMENT'
         MATCH (this58:Entity { id: var56.company })
         WITH var56, this58
         MATCH (this59:Entity { id: var56.product })
         WITH var56, this58, this59
         MATCH (this60:Entity { id: var56.practice })
         WITH var56, this58, this59, this60
         MATCH (this61:Entity { id: var56.purpose })
         WITH var56, this58, this59, this60, this61
         MATCH (this62:Entity { id: var56.plan })
         WITH var56, this58, this59, this60, this61, this62
         MATCH (this63:Entity { id: var56.right })
         WITH var56, this58, this59, this60, this61, this62, this63
         MATCH (this60)-[this64:HANDLES]->(this63)
         WHERE elementId(this64) = var56.handles
         RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', company: {id: this58.id, name: this58.name}, product: {id: this59.id, name: this59.name}, purpose: {id: this61.id, name: this61.name}, right: {code: this63.code, name: this63.name, openedBy: COLLECT {
           MATCH (this65:LegalBasis)-[:TRIGGERS]->(this63)
           WITH this65
           ORDER BY this65.id ASC
           RETURN this65.name
         }, grantedBy: COLLECT {
           MATCH (this63)-[:GRANTED_BY]->(this66:Provision)
           WITH this66
           ORDER BY this66.id ASC
           RETURN this66.id
         }}, rightDependsOnBasis: EXISTS {
           (this67:LegalBasis)-[:TRIGGERS]->(this63)
         }, plans: [{id: this62.id, name: this62.name, paid: this62.paid}], practice: {id: this60.id, verification: this60.verification, default: this60.default, validFrom: CASE this60.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this60.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this60.validFrom), 7)
           ELSE toString(this60.validFrom)
         END, inForceFrom: toString(this60.inForceFrom), status: this64.status, mechanism: this64.mechanism, evidence: COLLECT {
           MATCH (this60)-[this68:EVIDENCED_BY]->(this69:Source)
           WITH this68, this69
           ORDER BY this69.publishedAt ASC, this69.id ASC
           RETURN {stance: this68.stance, claim: this68.claim, right: this68.right, alternative: this68.alternative, claimant: CASE
             WHEN this68.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this70:(Company|Party|Authority))
               WHERE this70.id = this68.claimedBy
               RETURN this70.name
             })
           END, source: this69.id, publisher: this69.publisher, sourceKind: this69.kind, note: this68.note}
         }, incidents: COLLECT {
           MATCH (this71:Incident)-[:CONCERNS]->(this60)
           WHERE this71.retractedAt IS NULL
           WITH this71
           ORDER BY this71.date ASC, this71.id ASC
           RETURN {id: this71.id, kind: this71.kind, date: CASE this71.datePrecision
             WHEN 'YEAR' THEN left(toString(this71.date), 4)
             WHEN 'MONTH' THEN left(toString(this71.date), 7)
             ELSE toString(this71.date)
           END, authority: head(COLLECT {
             MATCH (this71)-[:BEFORE]->(this72:Authority)
             RETURN this72.name
           })}
         }}, others: COLLECT {
           MATCH (this59:Product)<-[:OF]-(this73:Plan)<-[:APPLIES_TO]-(this74:Practice)-[this75:HANDLES]->(this63:Right)
           WHERE (this73 <> this62 AND this75.status IN ['IN_PRODUCT', 'ON_REQUEST'] AND ((this74.inForceFrom <= date($param3) AND (this74.inForceUntil IS NULL OR this74.inForceUntil > date($param3)) AND (this74.retractedAt IS NULL OR date(this74.retractedAt) > date($param3))) AND (this73.availableFrom <= date($param3) AND (this73.availableUntil IS NULL OR this73.availableUntil > date($param3))) AND ($param4 IN this74.scope OR 'WORLDWIDE' IN this74.scope)) AND EXISTS {
             (this74)-[:FOR_PURPOSE]->(this61)
           } AND this73.paid = true)
           WITH this73, this74, this75
           ORDER BY this73.id ASC, this74.id ASC
           RETURN {plan: {id: this73.id, name: this73.name, paid: this73.paid}, practice: {id: this74.id, verification: this74.verification, default: this74.default, validFrom: CASE this74.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this74.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this74.validFrom), 7)
             ELSE toString(this74.validFrom)
           END, inForceFrom: toString(this74.inForceFrom), status: this75.status, mechanism: this75.mechanism, evidence: COLLECT {
             MATCH (this74)-[this76:EVIDENCED_BY]->(this77:Source)
             WITH this76, this77
             ORDER BY this77.publishedAt ASC, this77.id ASC
             RETURN {stance: this76.stance, claim: this76.claim, right: this76.right, alternative: this76.alternative, claimant: CASE
               WHEN this76.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this78:(Company|Party|Authority))
                 WHERE this78.id = this76.claimedBy
                 RETURN this78.name
               })
             END, source: this77.id, publisher: this77.publisher, sourceKind: this77.kind, note: this76.note}
           }, incidents: COLLECT {
             MATCH (this79:Incident)-[:CONCERNS]->(this74)
             WHERE this79.retractedAt IS NULL
             WITH this79
             ORDER BY this79.date ASC, this79.id ASC
             RETURN {id: this79.id, kind: this79.kind, date: CASE this79.datePrecision
               WHEN 'YEAR' THEN left(toString(this79.date), 4)
               WHEN 'MONTH' THEN left(toString(this79.date), 7)
               ELSE toString(this79.date)
             END, authority: head(COLLECT {
               MATCH (this79)-[:BEFORE]->(this80:Authority)
               RETURN this80.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this60)-[:ON_BASIS]->(this81:LegalBasis)
           RETURN {id: this81.id, name: this81.name, definedBy: head(COLLECT {
             MATCH (this81)-[:DEFINED_BY]->(this82)
             RETURN this82.id
           })}
         })} AS var83
         UNION ALL
         WITH var56
         WHERE var56.kind = 'RIGHT_ONLY_ON_REQUEST'
         MATCH (this84:Entity { id: var56.company })
         WITH var56, this84
         MATCH (this85:Entity { id: var56.product })
         WITH var56, this84, this85
         MATCH (this86:Entity { id: var56.practice })
         WITH var56, this84, this85, this86
         MATCH (this87:Entity { id: var56.purpose })
         WITH var56, this84, this85, this86, this87
         MATCH (this88:Entity { id: var56.plan })
         WITH var56, this84, this85, this86, this87, this88
         MATCH (this89:Entity { id: var56.right })
         WITH var56, this84, this85, this86, this87, this88, this89
         MATCH (this86)-[this90:HANDLES]->(this89)
         WHERE elementId(this90) = var56.handles
         RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', company: {id: this84.id, name: this84.name}, product: {id: this85.id, name: this85.name}, purpose: {id: this87.id, name: this87.name}, right: {code: this89.code, name: this89.name, openedBy: COLLECT {
           MATCH (this91:LegalBasis)-[:TRIGGERS]->(this89)
           WITH this91
           ORDER BY this91.id ASC
           RETURN this91.name
         }, grantedBy: COLLECT {
           MATCH (this89)-[:GRANTED_BY]->(this92:Provision)
           WITH this92
           ORDER BY this92.id ASC
           RETURN this92.id
         }}, rightDependsOnBasis: EXISTS {
           (this93:LegalBasis)-[:TRIGGERS]->(this89)
         }, plans: [{id: this88.id, name: this88.name, paid: this88.paid}], practice: {id: this86.id, verification: this86.verification, default: this86.default, validFrom: CASE this86.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this86.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this86.validFrom), 7)
           ELSE toString(this86.validFrom)
         END, inForceFrom: toString(this86.inForceFrom), status: this90.status, mechanism: this90.mechanism, evidence: COLLECT {
           MATCH (this86)-[this94:EVIDENCED_BY]->(this95:Source)
           WITH this94, this95
           ORDER BY this95.publishedAt ASC, this95.id ASC
           RETURN {stance: this94.stance, claim: this94.claim, right: this94.right, alternative: this94.alternative, claimant: CASE
             WHEN this94.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this96:(Company|Party|Authority))
               WHERE this96.id = this94.claimedBy
               RETURN this96.name
             })
           END, source: this95.id, publisher: this95.publisher, sourceKind: this95.kind, note: this94.note}
         }, incidents: COLLECT {
           MATCH (this97:Incident)-[:CONCERNS]->(this86)
           WHERE this97.retractedAt IS NULL
           WITH this97
           ORDER BY this97.date ASC, this97.id ASC
           RETURN {id: this97.id, kind: this97.kind, date: CASE this97.datePrecision
             WHEN 'YEAR' THEN left(toString(this97.date), 4)
             WHEN 'MONTH' THEN left(toString(this97.date), 7)
             ELSE toString(this97.date)
           END, authority: head(COLLECT {
             MATCH (this97)-[:BEFORE]->(this98:Authority)
             RETURN this98.name
           })}
         }}, others: COLLECT {
           MATCH (this85:Product)<-[:OF]-(this99:Plan)<-[:APPLIES_TO]-(this100:Practice)-[this101:HANDLES]->(this89:Right)
           WHERE (this99 <> this88 AND this101.status IN ['IN_PRODUCT'] AND ((this100.inForceFrom <= date($param3) AND (this100.inForceUntil IS NULL OR this100.inForceUntil > date($param3)) AND (this100.retractedAt IS NULL OR date(this100.retractedAt) > date($param3))) AND (this99.availableFrom <= date($param3) AND (this99.availableUntil IS NULL OR this99.availableUntil > date($param3))) AND ($param4 IN this100.scope OR 'WORLDWIDE' IN this100.scope)) AND EXISTS {
             (this100)-[:FOR_PURPOSE]->(this87)
           })
           WITH this99, this100, this101
           ORDER BY this99.id ASC, this100.id ASC
           RETURN {plan: {id: this99.id, name: this99.name, paid: this99.paid}, practice: {id: this100.id, verification: this100.verification, default: this100.default, validFrom: CASE this100.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this100.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this100.validFrom), 7)
             ELSE toString(this100.validFrom)
           END, inForceFrom: toString(this100.inForceFrom), status: this101.status, mechanism: this101.mechanism, evidence: COLLECT {
             MATCH (this100)-[this102:EVIDENCED_BY]->(this103:Source)
             WITH this102, this103
             ORDER BY this103.publishedAt ASC, this103.id ASC
             RETURN {stance: this102.stance, claim: this102.claim, right: this102.right, alternative: this102.alternative, claimant: CASE
               WHEN this102.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this104:(Company|Party|Authority))
                 WHERE this104.id = this102.claimedBy
                 RETURN this104.name
               })
             END, source: this103.id, publisher: this103.publisher, sourceKind: this103.kind, note: this102.note}
           }, incidents: COLLECT {
             MATCH (this105:Incident)-[:CONCERNS]->(this100)
             WHERE this105.retractedAt IS NULL
             WITH this105
             ORDER BY this105.date ASC, this105.id ASC
             RETURN {id: this105.id, kind: this105.kind, date: CASE this105.datePrecision
               WHEN 'YEAR' THEN left(toString(this105.date), 4)
               WHEN 'MONTH' THEN left(toString(this105.date), 7)
               ELSE toString(this105.date)
             END, authority: head(COLLECT {
               MATCH (this105)-[:BEFORE]->(this106:Authority)
               RETURN this106.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this86)-[:ON_BASIS]->(this107:LegalBasis)
           RETURN {id: this107.id, name: this107.name, definedBy: head(COLLECT {
             MATCH (this107)-[:DEFINED_BY]->(this108)
             RETURN this108.id
           })}
         })} AS var83
         UNION ALL
         WITH var56
         WHERE var56.kind = 'NO_WAY_TO_OBJECT'
         MATCH (this109:Entity { id: var56.company })
         WITH var56, this109
         MATCH (this110:Entity { id: var56.product })
         WITH var56, this109, this110
         MATCH (this111:Entity { id: var56.practice })
         WITH var56, this109, this110, this111
         MATCH (this112:Entity { id: var56.purpose })
         WITH var56, this109, this110, this111, this112
         MATCH (this113:Entity { id: var56.right })
         WITH var56, this109, this110, this111, this112, this113
         MATCH (this111)-[this114:HANDLES]->(this113)
         WHERE elementId(this114) = var56.handles
         RETURN {kind: 'NO_WAY_TO_OBJECT', company: {id: this109.id, name: this109.name}, product: {id: this110.id, name: this110.name}, purpose: {id: this112.id, name: this112.name}, right: {code: this113.code, name: this113.name, openedBy: COLLECT {
           MATCH (this115:LegalBasis)-[:TRIGGERS]->(this113)
           WITH this115
           ORDER BY this115.id ASC
           RETURN this115.name
         }, grantedBy: COLLECT {
           MATCH (this113)-[:GRANTED_BY]->(this116:Provision)
           WITH this116
           ORDER BY this116.id ASC
           RETURN this116.id
         }}, rightDependsOnBasis: true, plans: COLLECT {
           MATCH (this111)-[:APPLIES_TO]->(this117:Plan)-[:OF]->(this110)-[:OFFERED_BY]->(this109)
           WHERE (this117.availableFrom <= date($param3) AND (this117.availableUntil IS NULL OR this117.availableUntil > date($param3)))
           WITH this117
           ORDER BY this117.id ASC
           RETURN {id: this117.id, name: this117.name, paid: this117.paid}
         }, practice: {id: this111.id, verification: this111.verification, default: this111.default, validFrom: CASE this111.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this111.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this111.validFrom), 7)
           ELSE toString(this111.validFrom)
         END, inForceFrom: toString(this111.inForceFrom), status: this114.status, mechanism: this114.mechanism, evidence: COLLECT {
           MATCH (this111)-[this118:EVIDENCED_BY]->(this119:Source)
           WITH this118, this119
           ORDER BY this119.publishedAt ASC, this119.id ASC
           RETURN {stance: this118.stance, claim: this118.claim, right: this118.right, alternative: this118.alternative, claimant: CASE
             WHEN this118.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this120:(Company|Party|Authority))
               WHERE this120.id = this118.claimedBy
               RETURN this120.name
             })
           END, source: this119.id, publisher: this119.publisher, sourceKind: this119.kind, note: this118.note}
         }, incidents: COLLECT {
           MATCH (this121:Incident)-[:CONCERNS]->(this111)
           WHERE this121.retractedAt IS NULL
           WITH this121
           ORDER BY this121.date ASC, this121.id ASC
           RETURN {id: this121.id, kind: this121.kind, date: CASE this121.datePrecision
             WHEN 'YEAR' THEN left(toString(this121.date), 4)
             WHEN 'MONTH' THEN left(toString(this121.date), 7)
             ELSE toString(this121.date)
           END, authority: head(COLLECT {
             MATCH (this121)-[:BEFORE]->(this122:Authority)
             RETURN this122.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this111)-[:ON_BASIS]->(this123:LegalBasis)
           RETURN {id: this123.id, name: this123.name, definedBy: head(COLLECT {
             MATCH (this123)-[:DEFINED_BY]->(this124)
             RETURN this124.id
           })}
         })} AS var83
         UNION ALL
         WITH var56
         WHERE var56.kind = 'TRAINING_ON_BY_DEFAULT'
         MATCH (this125:Entity { id: var56.company })
         WITH var56, this125
         MATCH (this126:Entity { id: var56.product })
         WITH var56, this125, this126
         MATCH (this127:Entity { id: var56.practice })
         WITH var56, this125, this126, this127
         MATCH (this128:Entity { id: var56.purpose })
         WITH var56, this125, this126, this127, this128
         RETURN {kind: 'TRAINING_ON_BY_DEFAULT', company: {id: this125.id, name: this125.name}, product: {id: this126.id, name: this126.name}, purpose: {id: this128.id, name: this128.name}, right: NULL, rightDependsOnBasis: false, plans: COLLECT {
           MATCH (this127)-[:APPLIES_TO]->(this129:Plan)-[:OF]->(this126)-[:OFFERED_BY]->(this125)
           WHERE (this129.availableFrom <= date($param3) AND (this129.availableUntil IS NULL OR this129.availableUntil > date($param3)))
           WITH this129
           ORDER BY this129.id ASC
           RETURN {id: this129.id, name: this129.name, paid: this129.paid}
         }, practice: {id: this127.id, verification: this127.verification, default: this127.default, validFrom: CASE this127.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this127.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this127.validFrom), 7)
           ELSE toString(this127.validFrom)
         END, inForceFrom: toString(this127.inForceFrom), status: NULL, mechanism: NULL, evidence: COLLECT {
           MATCH (this127)-[this130:EVIDENCED_BY]->(this131:Source)
           WITH this130, this131
           ORDER BY this131.publishedAt ASC, this131.id ASC
           RETURN {stance: this130.stance, claim: this130.claim, right: this130.right, alternative: this130.alternative, claimant: CASE
             WHEN this130.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this132:(Company|Party|Authority))
               WHERE this132.id = this130.claimedBy
               RETURN this132.name
             })
           END, source: this131.id, publisher: this131.publisher, sourceKind: this131.kind, note: this130.note}
         }, incidents: COLLECT {
           MATCH (this133:Incident)-[:CONCERNS]->(this127)
           WHERE this133.retractedAt IS NULL
           WITH this133
           ORDER BY this133.date ASC, this133.id ASC
           RETURN {id: this133.id, kind: this133.kind, date: CASE this133.datePrecision
             WHEN 'YEAR' THEN left(toString(this133.date), 4)
             WHEN 'MONTH' THEN left(toString(this133.date), 7)
             ELSE toString(this133.date)
           END, authority: head(COLLECT {
             MATCH (this133)-[:BEFORE]->(this134:Authority)
             RETURN this134.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this127)-[:ON_BASIS]->(this135:LegalBasis)
           RETURN {id: this135.id, name: this135.name, definedBy: head(COLLECT {
             MATCH (this135)-[:DEFINED_BY]->(this136)
             RETURN this136.id
           })}
         }), dataCategories: COLLECT {
           MATCH (this127)-[:PROCESSES]->(this137:DataCategory)
           WITH this137
           ORDER BY this137.id ASC
           RETURN this137.name
         }} AS var83
       }
       RETURN collect({id: var56.id, companyName: var56.companyName, facts: var83}) AS var138
     }
     RETURN var53 AS total, var138 AS page"
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
