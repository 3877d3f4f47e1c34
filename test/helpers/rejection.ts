// The ApiError a promise rejects with; fails the test if it resolves or throws anything else.
import { expect } from 'vitest';
import { ApiError } from '../../common/errors';

export async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
