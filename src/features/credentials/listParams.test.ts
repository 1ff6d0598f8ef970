import { describe, expect, it } from 'vitest';
import { parseListState, serialiseListState, toApiParams } from './listParams';

describe('list URL state', () => {
  it('round-trips and leaves defaults out of the URL', () => {
    const state = parseListState(
      new URLSearchParams('search=acme&type=credit_card&folder=cfld_12&page=2&page_size=50'),
    );
    expect(state).toEqual({
      search: 'acme',
      type: 'credit_card',
      folder: 'cfld_12',
      page: 2,
      pageSize: 50,
    });
    expect(serialiseListState(state).toString()).toBe(
      'search=acme&type=credit_card&folder=cfld_12&page=2&page_size=50',
    );
    expect(toApiParams(state).folder_id).toBe('cfld_12');
    expect(
      serialiseListState({ search: '', type: undefined, page: 1, pageSize: 25 }).toString(),
    ).toBe('');
  });

  it('replaces anything invalid with its default', () => {
    expect(
      parseListState(new URLSearchParams('page=0&page_size=1000&type=card&folder=a/b')),
    ).toEqual({
      search: '',
      type: undefined,
      folder: undefined,
      page: 1,
      pageSize: 25,
    });
    expect(parseListState(new URLSearchParams('page=1.5')).page).toBe(1);
    expect(parseListState(new URLSearchParams(`search=${'a'.repeat(300)}`)).search).toHaveLength(
      200,
    );
  });
});
