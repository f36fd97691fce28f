// The annotations feature's handlers: reads answer from the freshest highlights and papers; every
// change holds the library's write lock like any other writer (the CLI and the app may both write).
import type { CallContext, Handlers } from '@shared/api/contract';
import type { AnnotationMethodName } from '@shared/api/annotations-contract';
import { AnnotationService, type PaperSource } from './annotation-service';
import { AnnotationStore } from './annotation-store';

type WithWriteLock = <T>(
  operation: string,
  ctx: Pick<CallContext, 'signal' | 'onProgress'>,
  fn: () => Promise<T>,
) => Promise<T>;

export type AnnotationDeps = {
  libraryDir: string;
  papers: PaperSource;
  /** Brings the papers up to date with commits of other processes (before reading them). */
  catchUp: () => Promise<void>;
  withWriteLock: WithWriteLock;
};

export function createAnnotationHandlers(deps: AnnotationDeps): {
  service: AnnotationService;
  handlers: Pick<Handlers, AnnotationMethodName>;
} {
  const service = new AnnotationService(new AnnotationStore(deps.libraryDir), deps.papers);
  const read =
    <A extends unknown[], T>(fn: (...a: A) => Promise<T>) =>
    async (...a: A): Promise<T> => {
      await deps.catchUp();
      return fn(...a);
    };
  const write = <T>(operation: string, ctx: CallContext, fn: () => Promise<T>): Promise<T> =>
    deps.withWriteLock(operation, ctx, fn);
  return {
    service,
    handlers: {
      'annotations:list': read((input) => service.list(input)),
      'annotations:get': read(({ id }) => service.get(id)),
      'annotations:add': (input, ctx) => write('saving a highlight', ctx, () => service.add(input)),
      'annotations:update': (input, ctx) =>
        write('saving a highlight', ctx, () => service.update(input)),
      'annotations:remove': ({ ids }, ctx) =>
        write('removing highlights', ctx, () => service.remove(ids)),
      'annotations:undoRemove': ({ undoToken }, ctx) =>
        write('restoring highlights', ctx, () => service.undoRemove(undoToken)),
      'annotations:kinds:get': () => service.kinds(),
      'annotations:kinds:set': ({ kinds }, ctx) =>
        write('saving highlight kinds', ctx, () => service.setKinds(kinds)),
      'annotations:export': read(({ format, paperIds }) => service.export(format, paperIds)),
      'annotations:import': ({ text, name }, ctx) =>
        write('importing highlights', ctx, () => service.import(text, name)),
    },
  };
}
