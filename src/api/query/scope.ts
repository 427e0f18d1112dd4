/**
 * The state of one compilation: the parameters collected so far and fresh names.
 * Every value from a request becomes a parameter; nothing from a request is spliced into Cypher text.
 */
import { type GraphQLField, type GraphQLSchema, isObjectType } from 'graphql';
import neo4j from 'neo4j-driver';

export class CypherScope {
  readonly params: Record<string, unknown> = {};
  /**
   * Parameter references a root field shares with the projections below it (e.g. a date range).
   * Projections read these instead of variables of the outer query: Neo4j 5.26 refuses an
   * aggregation inside a COLLECT subquery that refers to an outer variable.
   */
  readonly bindings: Record<string, string> = {};
  private counter = 0;

  /** The API schema, when known, gives each field's type (calendar dates, non-null, leaf types). */
  constructor(private readonly schema?: GraphQLSchema) {}

  /** Registers a value and returns its parameter reference, e.g. `$p3`. */
  param(value: unknown): string {
    const name = `p${this.counter++}`;
    this.params[name] = value;
    return `$${name}`;
  }

  /** An integer parameter (JavaScript numbers travel as floats, which LIMIT refuses). */
  intParam(value: number): string {
    return this.param(neo4j.int(value));
  }

  /** A fresh variable name for a subquery, e.g. `n4`. */
  variable(prefix = 'n'): string {
    return `${prefix}${this.counter++}`;
  }

  /** The schema's definition of a field, when the schema is known. */
  field(typeName: string, fieldName: string): GraphQLField<unknown, unknown> | undefined {
    const type = this.schema?.getType(typeName);
    return type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
  }
}
