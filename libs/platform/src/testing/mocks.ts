import { jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import type { Transactions } from '../persistence/transactions.js';

/**
 * What jest and Node ask of any value they print or compare (is it a promise, an asymmetric
 * matcher, a React element, a DOM node, JSON?): a mock answers undefined, as a plain object would.
 */
const NOT_MEMBERS = new Set<PropertyKey>(['then', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName', 'toJSON', '_isMockFunction', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@']);

/** A typed stand-in for a `T`: a `T` to whoever takes one, whose methods are also jest mocks to the spec. */
export type Mock<T> = T & { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? jest.Mock<(...args: A) => R> : T[K] };

/**
 * A stand-in for a class or interface, typed as it is (no casts): each member read is a jest.fn
 * (answering undefined) unless `given` says what it is; a given function is wrapped in a jest.fn,
 * so calls to it can be checked too.
 */
export function mockOf<T extends object>(given: { [K in keyof T]?: T[K] } = {}): Mock<T> {
  const members = new Map<PropertyKey, unknown>();
  // The one cast of the suite: a Proxy is no instance of T's class, but answers for every member of it.
  return new Proxy({} as Mock<T>, {
    get(_target, property) {
      if (typeof property === 'symbol' || (NOT_MEMBERS.has(property) && !(property in given))) return undefined;
      if (!members.has(property)) {
        const value = (given as Record<PropertyKey, unknown>)[property];
        members.set(property, typeof value === 'function' ? jest.fn(value as (...args: unknown[]) => unknown) : value === undefined ? jest.fn() : value);
      }
      return members.get(property);
    },
  });
}

/** An EntityManager that no repository ever reaches: repositories are mocked around it. */
export function mockManager(): Mock<EntityManager> {
  return mockOf<EntityManager>();
}

/** Transactions that run their work at once with `manager`, and say whether they were asked. */
export function inlineTransactions(manager: EntityManager = mockManager()): Mock<Transactions> {
  return mockOf<Transactions>({ run: (work) => work(manager), manager });
}
