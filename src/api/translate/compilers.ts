/** The object and connection compilers, wired to each other through the fields they compile. */
import { AppError } from '../../errors';
import { compileConnection } from './compile-connection';
import { compileObject } from './compile-object';
import type { Compilers } from './projection';

export const compilers: Compilers = {
  object: (source, typeName, trees, ctx) => compileObject(source, typeName, trees, ctx, compilers),
  connection: (node, typeName, tree, ctx, order, match, options) => {
    const compiled = compileConnection(node, typeName, tree, ctx, order, match, compilers, options);
    // A nested list's answer is an expression inside its parent's: nothing can be bound before it.
    if (compiled.bound)
      throw new AppError(
        'INTERNAL_SERVER_ERROR',
        `${typeName} nested reads values bound at the root`,
      );
    return compiled;
  },
};
