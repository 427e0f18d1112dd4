/**
 * The Cypher each headline question produces, pinned (as the Neo4j GraphQL Library's TCK tests
 * do), so that a change to a query plan is visible in review. Every query also runs against
 * the real Neo4j and must answer: a snapshot of a query that fails pins nothing.
 */
import type { TestApi } from '../helpers/api';
import type { RecordedQuery, RecordingDatabase } from '../helpers/recording-database';
import { queriesOf, startRulesApi } from '../helpers/rules-api';

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
    ({ db, api } = await startRulesApi());
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
    const queries = await queriesOf(db, api, query, variables);
    return queries.map((q) => ({ ...q, params: plain(q.params) }));
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
       MATCH (this0:Right { code: $param0 })
       WITH *, elementId(this0) AS var1
       MATCH (this2)<-[this3:HANDLES]-(this4:Practice)
       USING INDEX SEEK this3:HANDLES(status)
       WHERE (this3.status IN ['PAID_ONLY', 'UNAVAILABLE'] AND elementId(this2) = var1 AND (this4.inForceFrom <= date($param1) AND (this4.inForceUntil IS NULL OR this4.inForceUntil > date($param1)) AND (this4.retractedAt IS NULL OR date(this4.retractedAt) > date($param1))) AND ($param2 IN this4.scope OR 'WORLDWIDE' IN this4.scope))
       CALL (this4) {
         WITH this4
         WHERE ($param3 IS NULL OR EXISTS {
           (this4)-[:FOR_PURPOSE]->(this5:Purpose { id: $param3 })
         })
         RETURN true AS var6
       }
       MATCH (this4)-[:APPLIES_TO]->(this7:Plan)-[:OF]->(this8:Product)-[:OFFERED_BY]->(this9:Company)
       WHERE (this7.availableFrom <= date($param1) AND (this7.availableUntil IS NULL OR this7.availableUntil > date($param1)))
       WITH {company: this9, product: this8, plan: this7, practice: this4, handles: this3, right: this2, companyName: this9.name, productName: this8.name, rank: CASE this7.tier
         WHEN 'FREE' THEN 0
         WHEN 'PLUS' THEN 1
         WHEN 'PRO' THEN 2
         WHEN 'TEAM' THEN 3
         WHEN 'ENTERPRISE' THEN 4
         WHEN 'EDUCATION' THEN 5
         WHEN 'API' THEN 6
         WHEN 'OTHER' THEN 7
         ELSE 8
       END, planId: this7.id, practiceId: this4.id} AS this10
       WITH collect(this10) AS var11
       RETURN {t: size(var11), r: COLLECT {
         UNWIND var11 AS this10
         WITH this10
         ORDER BY this10.companyName ASC, this10.productName ASC, this10.rank ASC, this10.planId ASC, this10.practiceId ASC
         LIMIT $param4
         RETURN {k: [this10.companyName, this10.productName, this10.rank, this10.planId, this10.practiceId], n: [[head([this12 IN [this10.plan] WHERE this12 IS NOT NULL | [this12.id, this12.name]]), this10.handles.status, (this10.practice IS NOT NULL AND EXISTS {
           WITH this10.practice AS this13, this10.right.code AS var14
           MATCH (this13)-[this15:EVIDENCED_BY]->(this16:Source)
           WHERE (this15.stance = 'DISPUTES' AND (this15.claim = 'WHOLE' OR (this15.claim = 'RIGHT' AND this15.right = var14)))
           RETURN this15
         }), COLLECT {
           WITH this10.practice AS this17, this10.right.code AS var18
           MATCH (this17)-[this19:EVIDENCED_BY]->(this20:Source)
           WHERE (this19.stance = 'DISPUTES' AND (this19.claim = 'WHOLE' OR (this19.claim = 'RIGHT' AND this19.right = var18)))
           WITH this20, this19
           ORDER BY this20.publishedAt ASC, this20.id ASC
           RETURN [this19.alternative, head([this21 IN [CASE
             WHEN this19.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this22:(Company|Party|Authority))
               WHERE this22.id = this19.claimedBy
               RETURN this22
             })
           END] WHERE this21 IS NOT NULL | [this21.name]])]
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
       USING INDEX SEEK this2:HANDLES(status)
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
         MATCH (this10:Product)<-[:OF]-(this13)<-[:APPLIES_TO]-(this14)
         WHERE (this13 <> this11 AND ((this14.inForceFrom <= date($param1) AND (this14.inForceUntil IS NULL OR this14.inForceUntil > date($param1)) AND (this14.retractedAt IS NULL OR date(this14.retractedAt) > date($param1))) AND (this13.availableFrom <= date($param1) AND (this13.availableUntil IS NULL OR this13.availableUntil > date($param1))) AND ($param2 IN this14.scope OR 'WORLDWIDE' IN this14.scope)) AND EXISTS {
           (this14)-[:FOR_PURPOSE]->(this12)
         } AND this13.paid = true)
         CALL (this14, this3) {
           MATCH (this14)-[this15:HANDLES]->(this3)
           RETURN this15
         }
         WITH *
         WHERE this15.status IN ['IN_PRODUCT', 'ON_REQUEST']
       }
       RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', companyName: this9.name, id: ('right-conditioned-on-payment:' + this1.id + ':' + this11.id + ':' + this3.code), planId: this11.id, companyId: this9.id, company: this9.id, product: this10.id, plan: this11.id, practice: this1.id, handles: elementId(this2), right: this3.id, purpose: this12.id} AS var16
       UNION ALL
       WITH 'RIGHT_ONLY_ON_REQUEST' AS var17
       WHERE 'RIGHT_ONLY_ON_REQUEST' IN $param0
       MATCH (this18:Practice)-[this19:HANDLES]->(this20:Right)
       USING INDEX SEEK this19:HANDLES(status)
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
         MATCH (this27:Product)<-[:OF]-(this30)<-[:APPLIES_TO]-(this31)
         WHERE (this30 <> this28 AND ((this31.inForceFrom <= date($param1) AND (this31.inForceUntil IS NULL OR this31.inForceUntil > date($param1)) AND (this31.retractedAt IS NULL OR date(this31.retractedAt) > date($param1))) AND (this30.availableFrom <= date($param1) AND (this30.availableUntil IS NULL OR this30.availableUntil > date($param1))) AND ($param2 IN this31.scope OR 'WORLDWIDE' IN this31.scope)) AND EXISTS {
           (this31)-[:FOR_PURPOSE]->(this29)
         })
         CALL (this31, this20) {
           MATCH (this31)-[this32:HANDLES]->(this20)
           RETURN this32
         }
         WITH *
         WHERE this32.status IN ['IN_PRODUCT']
       }
       RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', companyName: this26.name, id: ('right-only-on-request:' + this18.id + ':' + this28.id + ':' + this20.code), planId: this28.id, companyId: this26.id, company: this26.id, product: this27.id, plan: this28.id, practice: this18.id, handles: elementId(this19), right: this20.id, purpose: this29.id} AS var16
       UNION ALL
       WITH 'NO_WAY_TO_OBJECT' AS var33
       WHERE 'NO_WAY_TO_OBJECT' IN $param0
       MATCH (this34:Right { code: 'OBJECT' })<-[this35:HANDLES]-(this36:Practice)
       USING INDEX SEEK this35:HANDLES(status)
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
     OPTIONAL CALL (var60) {
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
         MATCH (this67)-[this68:HANDLES]->(this69)
         WHERE (elementId(this68) = var59.handles AND this67 = this63 AND this69 = this66)
         RETURN {kind: 'RIGHT_CONDITIONED_ON_PAYMENT', company: {id: this61.id, name: this61.name}, product: {id: this62.id, name: this62.name}, purpose: {id: this64.id, name: this64.name}, right: {code: this66.code, name: this66.name, openedBy: COLLECT {
           MATCH (this70:LegalBasis)-[:TRIGGERS]->(this66)
           WITH this70
           ORDER BY this70.id ASC
           RETURN this70.name
         }, grantedBy: COLLECT {
           MATCH (this66)-[:GRANTED_BY]->(this71:Provision)
           WITH this71
           ORDER BY this71.id ASC
           RETURN this71.id
         }}, rightDependsOnBasis: EXISTS {
           (this72:LegalBasis)-[:TRIGGERS]->(this66)
         }, plans: [{id: this65.id, name: this65.name, paid: this65.paid}], practice: {id: this63.id, verification: this63.verification, default: this63.default, validFrom: CASE this63.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this63.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this63.validFrom), 7)
           ELSE toString(this63.validFrom)
         END, inForceFrom: toString(this63.inForceFrom), status: this68.status, mechanism: this68.mechanism, evidence: COLLECT {
           MATCH (this63)-[this73:EVIDENCED_BY]->(this74:Source)
           WITH this73, this74
           ORDER BY this74.publishedAt ASC, this74.id ASC
           RETURN {stance: this73.stance, claim: this73.claim, right: this73.right, alternative: this73.alternative, claimant: CASE
             WHEN this73.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this75:(Company|Party|Authority))
               WHERE this75.id = this73.claimedBy
               RETURN this75.name
             })
           END, source: this74.id, publisher: this74.publisher, sourceKind: this74.kind, note: this73.note}
         }, incidents: COLLECT {
           MATCH (this76:Incident)-[:CONCERNS]->(this63)
           WHERE this76.retractedAt IS NULL
           WITH this76
           ORDER BY this76.date ASC, this76.id ASC
           RETURN {id: this76.id, kind: this76.kind, date: CASE this76.datePrecision
             WHEN 'YEAR' THEN left(toString(this76.date), 4)
             WHEN 'MONTH' THEN left(toString(this76.date), 7)
             ELSE toString(this76.date)
           END, authority: head(COLLECT {
             MATCH (this76)-[:BEFORE]->(this77:Authority)
             RETURN this77.name
           })}
         }}, others: COLLECT {
           MATCH (this62:Product)<-[:OF]-(this78)<-[:APPLIES_TO]-(this79)
           WHERE (this78 <> this65 AND ((this79.inForceFrom <= date($param1) AND (this79.inForceUntil IS NULL OR this79.inForceUntil > date($param1)) AND (this79.retractedAt IS NULL OR date(this79.retractedAt) > date($param1))) AND (this78.availableFrom <= date($param1) AND (this78.availableUntil IS NULL OR this78.availableUntil > date($param1))) AND ($param2 IN this79.scope OR 'WORLDWIDE' IN this79.scope)) AND EXISTS {
             (this79)-[:FOR_PURPOSE]->(this64)
           } AND this78.paid = true)
           CALL (this79, this66) {
             MATCH (this79)-[this80:HANDLES]->(this66)
             RETURN this80
           }
           WITH *
           WHERE this80.status IN ['IN_PRODUCT', 'ON_REQUEST']
           WITH this78, this79, this80
           ORDER BY this78.id ASC, this79.id ASC
           RETURN {plan: {id: this78.id, name: this78.name, paid: this78.paid}, practice: {id: this79.id, verification: this79.verification, default: this79.default, validFrom: CASE this79.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this79.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this79.validFrom), 7)
             ELSE toString(this79.validFrom)
           END, inForceFrom: toString(this79.inForceFrom), status: this80.status, mechanism: this80.mechanism, evidence: COLLECT {
             MATCH (this79)-[this81:EVIDENCED_BY]->(this82:Source)
             WITH this81, this82
             ORDER BY this82.publishedAt ASC, this82.id ASC
             RETURN {stance: this81.stance, claim: this81.claim, right: this81.right, alternative: this81.alternative, claimant: CASE
               WHEN this81.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this83:(Company|Party|Authority))
                 WHERE this83.id = this81.claimedBy
                 RETURN this83.name
               })
             END, source: this82.id, publisher: this82.publisher, sourceKind: this82.kind, note: this81.note}
           }, incidents: COLLECT {
             MATCH (this84:Incident)-[:CONCERNS]->(this79)
             WHERE this84.retractedAt IS NULL
             WITH this84
             ORDER BY this84.date ASC, this84.id ASC
             RETURN {id: this84.id, kind: this84.kind, date: CASE this84.datePrecision
               WHEN 'YEAR' THEN left(toString(this84.date), 4)
               WHEN 'MONTH' THEN left(toString(this84.date), 7)
               ELSE toString(this84.date)
             END, authority: head(COLLECT {
               MATCH (this84)-[:BEFORE]->(this85:Authority)
               RETURN this85.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this63)-[:ON_BASIS]->(this86:LegalBasis)
           RETURN {id: this86.id, name: this86.name, definedBy: head(COLLECT {
             MATCH (this86)-[:DEFINED_BY]->(this87)
             RETURN this87.id
           })}
         })} AS var88
         UNION ALL
         WITH var59
         WHERE var59.kind = 'RIGHT_ONLY_ON_REQUEST'
         MATCH (this89:Entity { id: var59.company })
         WITH var59, this89
         MATCH (this90:Entity { id: var59.product })
         WITH var59, this89, this90
         MATCH (this91:Entity { id: var59.practice })
         WITH var59, this89, this90, this91
         MATCH (this92:Entity { id: var59.purpose })
         WITH var59, this89, this90, this91, this92
         MATCH (this93:Entity { id: var59.plan })
         WITH var59, this89, this90, this91, this92, this93
         MATCH (this94:Entity { id: var59.right })
         WITH var59, this89, this90, this91, this92, this93, this94
         MATCH (this95)-[this96:HANDLES]->(this97)
         WHERE (elementId(this96) = var59.handles AND this95 = this91 AND this97 = this94)
         RETURN {kind: 'RIGHT_ONLY_ON_REQUEST', company: {id: this89.id, name: this89.name}, product: {id: this90.id, name: this90.name}, purpose: {id: this92.id, name: this92.name}, right: {code: this94.code, name: this94.name, openedBy: COLLECT {
           MATCH (this98:LegalBasis)-[:TRIGGERS]->(this94)
           WITH this98
           ORDER BY this98.id ASC
           RETURN this98.name
         }, grantedBy: COLLECT {
           MATCH (this94)-[:GRANTED_BY]->(this99:Provision)
           WITH this99
           ORDER BY this99.id ASC
           RETURN this99.id
         }}, rightDependsOnBasis: EXISTS {
           (this100:LegalBasis)-[:TRIGGERS]->(this94)
         }, plans: [{id: this93.id, name: this93.name, paid: this93.paid}], practice: {id: this91.id, verification: this91.verification, default: this91.default, validFrom: CASE this91.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this91.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this91.validFrom), 7)
           ELSE toString(this91.validFrom)
         END, inForceFrom: toString(this91.inForceFrom), status: this96.status, mechanism: this96.mechanism, evidence: COLLECT {
           MATCH (this91)-[this101:EVIDENCED_BY]->(this102:Source)
           WITH this101, this102
           ORDER BY this102.publishedAt ASC, this102.id ASC
           RETURN {stance: this101.stance, claim: this101.claim, right: this101.right, alternative: this101.alternative, claimant: CASE
             WHEN this101.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this103:(Company|Party|Authority))
               WHERE this103.id = this101.claimedBy
               RETURN this103.name
             })
           END, source: this102.id, publisher: this102.publisher, sourceKind: this102.kind, note: this101.note}
         }, incidents: COLLECT {
           MATCH (this104:Incident)-[:CONCERNS]->(this91)
           WHERE this104.retractedAt IS NULL
           WITH this104
           ORDER BY this104.date ASC, this104.id ASC
           RETURN {id: this104.id, kind: this104.kind, date: CASE this104.datePrecision
             WHEN 'YEAR' THEN left(toString(this104.date), 4)
             WHEN 'MONTH' THEN left(toString(this104.date), 7)
             ELSE toString(this104.date)
           END, authority: head(COLLECT {
             MATCH (this104)-[:BEFORE]->(this105:Authority)
             RETURN this105.name
           })}
         }}, others: COLLECT {
           MATCH (this90:Product)<-[:OF]-(this106)<-[:APPLIES_TO]-(this107)
           WHERE (this106 <> this93 AND ((this107.inForceFrom <= date($param1) AND (this107.inForceUntil IS NULL OR this107.inForceUntil > date($param1)) AND (this107.retractedAt IS NULL OR date(this107.retractedAt) > date($param1))) AND (this106.availableFrom <= date($param1) AND (this106.availableUntil IS NULL OR this106.availableUntil > date($param1))) AND ($param2 IN this107.scope OR 'WORLDWIDE' IN this107.scope)) AND EXISTS {
             (this107)-[:FOR_PURPOSE]->(this92)
           })
           CALL (this107, this94) {
             MATCH (this107)-[this108:HANDLES]->(this94)
             RETURN this108
           }
           WITH *
           WHERE this108.status IN ['IN_PRODUCT']
           WITH this106, this107, this108
           ORDER BY this106.id ASC, this107.id ASC
           RETURN {plan: {id: this106.id, name: this106.name, paid: this106.paid}, practice: {id: this107.id, verification: this107.verification, default: this107.default, validFrom: CASE this107.validFromPrecision
             WHEN 'YEAR' THEN left(toString(this107.validFrom), 4)
             WHEN 'MONTH' THEN left(toString(this107.validFrom), 7)
             ELSE toString(this107.validFrom)
           END, inForceFrom: toString(this107.inForceFrom), status: this108.status, mechanism: this108.mechanism, evidence: COLLECT {
             MATCH (this107)-[this109:EVIDENCED_BY]->(this110:Source)
             WITH this109, this110
             ORDER BY this110.publishedAt ASC, this110.id ASC
             RETURN {stance: this109.stance, claim: this109.claim, right: this109.right, alternative: this109.alternative, claimant: CASE
               WHEN this109.claimedBy IS NULL THEN NULL
               ELSE head(COLLECT {
                 MATCH (this111:(Company|Party|Authority))
                 WHERE this111.id = this109.claimedBy
                 RETURN this111.name
               })
             END, source: this110.id, publisher: this110.publisher, sourceKind: this110.kind, note: this109.note}
           }, incidents: COLLECT {
             MATCH (this112:Incident)-[:CONCERNS]->(this107)
             WHERE this112.retractedAt IS NULL
             WITH this112
             ORDER BY this112.date ASC, this112.id ASC
             RETURN {id: this112.id, kind: this112.kind, date: CASE this112.datePrecision
               WHEN 'YEAR' THEN left(toString(this112.date), 4)
               WHEN 'MONTH' THEN left(toString(this112.date), 7)
               ELSE toString(this112.date)
             END, authority: head(COLLECT {
               MATCH (this112)-[:BEFORE]->(this113:Authority)
               RETURN this113.name
             })}
           }}}
         }, basis: head(COLLECT {
           MATCH (this91)-[:ON_BASIS]->(this114:LegalBasis)
           RETURN {id: this114.id, name: this114.name, definedBy: head(COLLECT {
             MATCH (this114)-[:DEFINED_BY]->(this115)
             RETURN this115.id
           })}
         })} AS var88
         UNION ALL
         WITH var59
         WHERE var59.kind = 'NO_WAY_TO_OBJECT'
         MATCH (this116:Entity { id: var59.company })
         WITH var59, this116
         MATCH (this117:Entity { id: var59.product })
         WITH var59, this116, this117
         MATCH (this118:Entity { id: var59.practice })
         WITH var59, this116, this117, this118
         MATCH (this119:Entity { id: var59.purpose })
         WITH var59, this116, this117, this118, this119
         MATCH (this120:Entity { id: var59.right })
         WITH var59, this116, this117, this118, this119, this120
         MATCH (this121)-[this122:HANDLES]->(this123)
         WHERE (elementId(this122) = var59.handles AND this121 = this118 AND this123 = this120)
         RETURN {kind: 'NO_WAY_TO_OBJECT', company: {id: this116.id, name: this116.name}, product: {id: this117.id, name: this117.name}, purpose: {id: this119.id, name: this119.name}, right: {code: this120.code, name: this120.name, openedBy: COLLECT {
           MATCH (this124:LegalBasis)-[:TRIGGERS]->(this120)
           WITH this124
           ORDER BY this124.id ASC
           RETURN this124.name
         }, grantedBy: COLLECT {
           MATCH (this120)-[:GRANTED_BY]->(this125:Provision)
           WITH this125
           ORDER BY this125.id ASC
           RETURN this125.id
         }}, rightDependsOnBasis: true, plans: COLLECT {
           MATCH (this118)-[:APPLIES_TO]->(this126:Plan)-[:OF]->(this117)-[:OFFERED_BY]->(this116)
           WHERE (this126.availableFrom <= date($param1) AND (this126.availableUntil IS NULL OR this126.availableUntil > date($param1)))
           WITH this126
           ORDER BY this126.id ASC
           RETURN {id: this126.id, name: this126.name, paid: this126.paid}
         }, practice: {id: this118.id, verification: this118.verification, default: this118.default, validFrom: CASE this118.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this118.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this118.validFrom), 7)
           ELSE toString(this118.validFrom)
         END, inForceFrom: toString(this118.inForceFrom), status: this122.status, mechanism: this122.mechanism, evidence: COLLECT {
           MATCH (this118)-[this127:EVIDENCED_BY]->(this128:Source)
           WITH this127, this128
           ORDER BY this128.publishedAt ASC, this128.id ASC
           RETURN {stance: this127.stance, claim: this127.claim, right: this127.right, alternative: this127.alternative, claimant: CASE
             WHEN this127.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this129:(Company|Party|Authority))
               WHERE this129.id = this127.claimedBy
               RETURN this129.name
             })
           END, source: this128.id, publisher: this128.publisher, sourceKind: this128.kind, note: this127.note}
         }, incidents: COLLECT {
           MATCH (this130:Incident)-[:CONCERNS]->(this118)
           WHERE this130.retractedAt IS NULL
           WITH this130
           ORDER BY this130.date ASC, this130.id ASC
           RETURN {id: this130.id, kind: this130.kind, date: CASE this130.datePrecision
             WHEN 'YEAR' THEN left(toString(this130.date), 4)
             WHEN 'MONTH' THEN left(toString(this130.date), 7)
             ELSE toString(this130.date)
           END, authority: head(COLLECT {
             MATCH (this130)-[:BEFORE]->(this131:Authority)
             RETURN this131.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this118)-[:ON_BASIS]->(this132:LegalBasis)
           RETURN {id: this132.id, name: this132.name, definedBy: head(COLLECT {
             MATCH (this132)-[:DEFINED_BY]->(this133)
             RETURN this133.id
           })}
         })} AS var88
         UNION ALL
         WITH var59
         WHERE var59.kind = 'TRAINING_ON_BY_DEFAULT'
         MATCH (this134:Entity { id: var59.company })
         WITH var59, this134
         MATCH (this135:Entity { id: var59.product })
         WITH var59, this134, this135
         MATCH (this136:Entity { id: var59.practice })
         WITH var59, this134, this135, this136
         MATCH (this137:Entity { id: var59.purpose })
         WITH var59, this134, this135, this136, this137
         RETURN {kind: 'TRAINING_ON_BY_DEFAULT', company: {id: this134.id, name: this134.name}, product: {id: this135.id, name: this135.name}, purpose: {id: this137.id, name: this137.name}, right: NULL, rightDependsOnBasis: false, plans: COLLECT {
           MATCH (this136)-[:APPLIES_TO]->(this138:Plan)-[:OF]->(this135)-[:OFFERED_BY]->(this134)
           WHERE (this138.availableFrom <= date($param1) AND (this138.availableUntil IS NULL OR this138.availableUntil > date($param1)))
           WITH this138
           ORDER BY this138.id ASC
           RETURN {id: this138.id, name: this138.name, paid: this138.paid}
         }, practice: {id: this136.id, verification: this136.verification, default: this136.default, validFrom: CASE this136.validFromPrecision
           WHEN 'YEAR' THEN left(toString(this136.validFrom), 4)
           WHEN 'MONTH' THEN left(toString(this136.validFrom), 7)
           ELSE toString(this136.validFrom)
         END, inForceFrom: toString(this136.inForceFrom), status: NULL, mechanism: NULL, evidence: COLLECT {
           MATCH (this136)-[this139:EVIDENCED_BY]->(this140:Source)
           WITH this139, this140
           ORDER BY this140.publishedAt ASC, this140.id ASC
           RETURN {stance: this139.stance, claim: this139.claim, right: this139.right, alternative: this139.alternative, claimant: CASE
             WHEN this139.claimedBy IS NULL THEN NULL
             ELSE head(COLLECT {
               MATCH (this141:(Company|Party|Authority))
               WHERE this141.id = this139.claimedBy
               RETURN this141.name
             })
           END, source: this140.id, publisher: this140.publisher, sourceKind: this140.kind, note: this139.note}
         }, incidents: COLLECT {
           MATCH (this142:Incident)-[:CONCERNS]->(this136)
           WHERE this142.retractedAt IS NULL
           WITH this142
           ORDER BY this142.date ASC, this142.id ASC
           RETURN {id: this142.id, kind: this142.kind, date: CASE this142.datePrecision
             WHEN 'YEAR' THEN left(toString(this142.date), 4)
             WHEN 'MONTH' THEN left(toString(this142.date), 7)
             ELSE toString(this142.date)
           END, authority: head(COLLECT {
             MATCH (this142)-[:BEFORE]->(this143:Authority)
             RETURN this143.name
           })}
         }}, others: [], basis: head(COLLECT {
           MATCH (this136)-[:ON_BASIS]->(this144:LegalBasis)
           RETURN {id: this144.id, name: this144.name, definedBy: head(COLLECT {
             MATCH (this144)-[:DEFINED_BY]->(this145)
             RETURN this145.id
           })}
         }), dataCategories: COLLECT {
           MATCH (this136)-[:PROCESSES]->(this146:DataCategory)
           WITH this146
           ORDER BY this146.id ASC
           RETURN this146.name
         }} AS var88
       }
       RETURN {id: var59.id, companyName: var59.companyName, facts: var88} AS var147
     }
     RETURN var56 AS total, var147 AS finding"
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
