/** The object and connection compilers, wired to each other through the fields they compile. */
import { compileConnection } from './compile-connection';
import { compileObject } from './compile-object';
import type { Compilers } from './projection';

export const compilers: Compilers = {
  object: (source, typeName, trees, ctx) => compileObject(source, typeName, trees, ctx, compilers),
  connection: (node, typeName, tree, ctx, order, match, options) =>
    compileConnection(node, typeName, tree, ctx, order, match, compilers, options),
};
