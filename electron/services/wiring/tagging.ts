// Handlers of the tagging methods (tags, suggestions, decisions) and of the LLM provider settings;
// the calls that change papers' tags take the library's write lock like any other writer.
import type { CallContext, Handlers } from '@shared/api/contract';
import type { TaggingService } from '../tagging';
import type { Core, WithWriteLock } from './core';

type TaggingHandlers = TaggingService['handlers'] &
  Pick<Handlers, 'llm:get' | 'llm:set' | 'llm:check'>;

/** Tagging calls that change papers' tags take the library's write lock like any other writer. */
function lockedTaggingWrites(
  h: TaggingService['handlers'],
  withWriteLock: WithWriteLock,
): Partial<Handlers> {
  const writes = {
    'tags:rename': 'renaming a tag',
    'tags:merge': 'merging tags',
    'tags:remove': 'removing a tag',
    'tags:undoRemove': 'restoring a tag',
    'tagging:decide': 'saving tag decisions',
    'tagging:acceptAbove': 'accepting tag suggestions',
    'tagging:undo': 'undoing tag decisions',
  } as const;
  return Object.fromEntries(
    Object.entries(writes).map(([method, operation]) => {
      const handler = h[method as keyof typeof writes] as (
        input: unknown,
        ctx: CallContext,
      ) => Promise<unknown>;
      return [
        method,
        (input: unknown, ctx: CallContext) =>
          withWriteLock(operation, ctx, () => handler(input, ctx)),
      ];
    }),
  ) as Partial<Handlers>;
}

export function taggingHandlers({ tagging, llm, withWriteLock }: Core): TaggingHandlers {
  return {
    ...tagging.handlers,
    ...lockedTaggingWrites(tagging.handlers, withWriteLock),
    'llm:get': async () => llm.get(),
    'llm:set': (input) => llm.set(input),
    'llm:check': (_input, ctx) => llm.check(ctx.signal),
  };
}
