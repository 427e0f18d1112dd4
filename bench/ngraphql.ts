/**
 * Target N: @neo4j/graphql 7 over the same graph, with type definitions equivalent to what the
 * API stores in the second model (same labels, relationship types, directions, relationship
 * properties; partial dates as the stored first day, precision and last day; the derived
 * inForceFrom/inForceUntil and availableFrom/availableUntil; prices as parallel lists). Served
 * behind the API's own /graphql endpoint and Apollo (bench/serve.ts). Benchmark only.
 */
export const N_TYPE_DEFS = /* GraphQL */ `
  type Evidence @relationshipProperties {
    stance: String!
    claim: String
    right: String
    alternative: String
    claimedBy: String
    quote: String
    note: String
  }

  type Handles @relationshipProperties {
    status: String!
    mechanism: String
    note: String
    grounds: [String!]
    exceptions: [String!]
  }

  type Source @node {
    id: ID!
    url: String!
    publisher: String!
    title: String!
    publishedAt: Date!
    publishedAtPrecision: String!
    publishedAtLatest: Date
    kind: String!
    language: String
    note: String
  }

  type Company @node {
    id: ID!
    name: String!
    country: String!
    website: String
    summary: String
    products: [Product!]! @relationship(type: "OFFERED_BY", direction: IN)
    incidents: [Incident!]! @relationship(type: "AGAINST", direction: IN)
    sources: [Source!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  type Product @node {
    id: ID!
    name: String!
    summary: String
    company: [Company!]! @relationship(type: "OFFERED_BY", direction: OUT)
    plans: [Plan!]! @relationship(type: "OF", direction: IN)
    sources: [Source!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  type Plan @node {
    id: ID!
    name: String!
    tier: String!
    paid: Boolean
    paidBasis: String
    priceAmounts: [Float!]
    priceCurrencies: [String!]
    pricePeriods: [String!]
    priceNotes: [String!]
    announced: Date
    announcedPrecision: String
    launched: Date
    launchedPrecision: String
    launchedLatest: Date
    withdrawn: Date
    withdrawnPrecision: String
    attestedFrom: Date
    attestedFromPrecision: String
    neverLaunched: Boolean
    availableFrom: Date
    availableUntil: Date
    summary: String
    product: [Product!]! @relationship(type: "OF", direction: OUT)
    practices: [Practice!]! @relationship(type: "APPLIES_TO", direction: IN)
    sources: [Source!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  type Purpose @node {
    id: ID!
    name: String!
    summary: String
  }

  type DataCategory @node {
    id: ID!
    name: String!
    summary: String
  }

  type LegalBasis @node {
    id: ID!
    name: String!
    summary: String
    triggers: [Right!]! @relationship(type: "TRIGGERS", direction: OUT)
  }

  type Right @node {
    id: ID!
    code: String!
    name: String!
    summary: String
  }

  type Practice @node {
    id: ID!
    summary: String!
    default: String!
    scope: [String!]!
    validFrom: Date
    validFromPrecision: String
    validFromLatest: Date
    validTo: Date
    validToPrecision: String
    attestedFrom: Date
    attestedFromPrecision: String
    inForceFrom: Date
    inForceUntil: Date
    verification: String
    recordedAt: DateTime
    retractedAt: DateTime
    plans: [Plan!]! @relationship(type: "APPLIES_TO", direction: OUT)
    purpose: [Purpose!]! @relationship(type: "FOR_PURPOSE", direction: OUT)
    dataCategories: [DataCategory!]! @relationship(type: "PROCESSES", direction: OUT)
    legalBasis: [LegalBasis!]! @relationship(type: "ON_BASIS", direction: OUT)
    rights: [Right!]! @relationship(type: "HANDLES", direction: OUT, properties: "Handles")
    sources: [Source!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
    replaces: [Practice!]! @relationship(type: "REPLACES", direction: OUT)
  }

  type Provision @node {
    id: ID!
    ref: String!
    citation: String
    regulation: String
    article: Float
    paragraph: Float
    point: String
    title: String
    summary: String
  }

  type Authority @node {
    id: ID!
    name: String!
    country: String!
    website: String
  }

  type Party @node {
    id: ID!
    name: String!
    kind: String!
  }

  type Incident @node {
    id: ID!
    kind: String!
    title: String!
    date: Date!
    datePrecision: String!
    dateLatest: Date
    status: String!
    amount: Float
    currency: String
    summary: String!
    retractedAt: DateTime
    against: [Company!]! @relationship(type: "AGAINST", direction: OUT)
    before: [Authority!]! @relationship(type: "BEFORE", direction: OUT)
    broughtBy: [Party!]! @relationship(type: "BROUGHT_BY", direction: OUT)
    cites: [Provision!]! @relationship(type: "CITES", direction: OUT)
    concernsPlans: [Plan!]! @relationship(type: "CONCERNS", direction: OUT)
    concernsPractices: [Practice!]! @relationship(type: "CONCERNS", direction: OUT)
    sources: [Source!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
  }

  "One full-text hit; @neo4j/graphql has no cross-label search, so it is a @cypher field."
  type SearchHit {
    score: Float!
    label: String!
    id: ID!
    title: String!
  }

  type Query {
    search(query: String!, first: Int!): [SearchHit!]!
      @cypher(
        statement: """
        CALL db.index.fulltext.queryNodes('entity_text', $query) YIELD node, score
        WITH node, score ORDER BY score DESC, node.id ASC LIMIT $first
        RETURN {score: score, label: labels(node)[0], id: node.id,
                title: coalesce(node.name, node.title, node.citation, node.id)} AS hit
        """
        columnName: "hit"
      )
  }

  extend schema @mutation(operations: [])
`;
