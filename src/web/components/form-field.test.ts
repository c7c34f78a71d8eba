import { describe, expect, it } from 'vitest';
import { ApiError } from '../api-client';
import { formErrors } from './form-field';

describe('formErrors', () => {
  const server = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', [
    { path: 'username', message: 'Taken' },
    { path: 'password', message: 'Too short' },
    { path: 'body.extra', message: 'Unknown field' },
  ]);

  it("shows the server's message under its field", () => {
    expect(formErrors({}, server).field('password')).toBe('Too short');
  });

  it("prefers the client's own check for the same field", () => {
    expect(formErrors({ username: 'Required' }, server).field('username')).toBe('Required');
  });

  it('has no message for a field without errors', () => {
    expect(formErrors({ username: undefined }, null).field('username')).toBeUndefined();
    expect(formErrors({ username: undefined }, null).any).toBe(false);
  });

  it('keeps server messages no form field claims', () => {
    expect(formErrors({}, server).unclaimed(['username', 'password'])).toEqual(['Unknown field']);
  });
});
