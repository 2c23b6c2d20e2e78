import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from './I18n';
import { SearchBox, type SearchBoxProps } from './SearchBox';

afterEach(cleanup);

function Controlled(props: Partial<SearchBoxProps>) {
  const [value, setValue] = useState('');
  return (
    <SearchBox
      {...props}
      value={value}
      onChange={(v) => {
        setValue(v);
        props.onChange?.(v);
      }}
    />
  );
}

describe('SearchBox', () => {
  it('is a labelled, controlled search field', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Controlled onChange={onChange} />);
    const input = screen.getByRole('searchbox', { name: 'Search people' }) as HTMLInputElement;
    expect(input.type).toBe('search');
    await user.type(input, 'ada');
    expect(input.value).toBe('ada');
    expect(onChange).toHaveBeenLastCalledWith('ada');
  });

  it('takes a label', () => {
    render(<SearchBox value="" onChange={() => {}} label="Find a colleague" />);
    expect(screen.getByLabelText('Find a colleague')).toBeTruthy();
  });

  it('does not change without its owner', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<SearchBox value="x" onChange={onChange} />);
    await user.type(screen.getByRole('searchbox'), 'y');
    expect(onChange).toHaveBeenCalledWith('xy');
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('x');
  });

  it('forwards the navigation keys, and only those', async () => {
    const user = userEvent.setup();
    const onKey = vi.fn();
    render(<Controlled onKey={onKey} />);
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('a{ArrowDown}{ArrowDown}{ArrowUp}{Enter}{Escape}{ArrowLeft}');
    expect(onKey.mock.calls.map((c) => c[0])).toEqual(['ArrowDown', 'ArrowDown', 'ArrowUp', 'Enter', 'Escape']);
  });

  it('keeps arrows from moving the caret', async () => {
    const user = userEvent.setup();
    const prevented: boolean[] = [];
    render(<Controlled onKey={(key, e) => key === 'ArrowUp' && prevented.push(e.defaultPrevented)} />);
    await user.click(screen.getByRole('searchbox'));
    await user.keyboard('{ArrowUp}');
    expect(prevented).toEqual([true]);
  });

  it('speaks German', () => {
    render(
      <I18nProvider lang="de">
        <SearchBox value="" onChange={() => {}} />
      </I18nProvider>,
    );
    expect(screen.getByRole('searchbox', { name: 'Personen suchen' }).getAttribute('placeholder')).toBe('Name oder E-Mail');
  });
});
