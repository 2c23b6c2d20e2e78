import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResultList, resultOptionId, type Result } from './ResultList';

afterEach(cleanup);

const RESULTS: Result[] = [
  { id: 7, name: 'Ada Lovelace', details: ['Head of Analytics', 'Engineering'] },
  { id: 9, name: 'Grace Hopper', details: [undefined, 'grace@acme.example'] },
];

describe('ResultList', () => {
  describe('as buttons', () => {
    it('shows each person with their details, skipping empty ones', () => {
      render(<ResultList results={RESULTS} onChoose={() => {}} />);
      const items = within(screen.getByRole('list')).getAllByRole('listitem');
      expect(items.map((li) => li.textContent)).toEqual(['Ada Lovelace · Head of Analytics · Engineering', 'Grace Hopper · grace@acme.example']);
    });

    it('calls back with the id of the person chosen, by mouse or keyboard', async () => {
      const user = userEvent.setup();
      const onChoose = vi.fn();
      render(<ResultList results={RESULTS} onChoose={onChoose} label="Possible matches" />);
      expect(screen.getByRole('list', { name: 'Possible matches' })).toBeTruthy();
      await user.click(screen.getByRole('button', { name: /Grace Hopper/ }));
      expect(onChoose).toHaveBeenLastCalledWith(9);
      await user.tab({ shift: true });
      expect(document.activeElement).toBe(screen.getByRole('button', { name: /Ada Lovelace/ }));
      await user.keyboard('{Enter}');
      expect(onChoose).toHaveBeenLastCalledWith(7);
      expect(onChoose).toHaveBeenCalledTimes(2);
    });

    it('draws an empty list when nobody was found', () => {
      render(<ResultList results={[]} onChoose={() => {}} />);
      expect(within(screen.getByRole('list')).queryAllByRole('listitem')).toEqual([]);
    });
  });

  describe('as a listbox', () => {
    it('is a named listbox with the active option selected, each option reachable by its id', () => {
      render(<ResultList results={RESULTS} onChoose={() => {}} label="Search results" listbox={{ id: 'people', active: 1 }} />);
      const options = within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
      expect(options.map((o) => o.textContent)).toEqual(['Ada Lovelace · Head of Analytics · Engineering', 'Grace Hopper · grace@acme.example']);
      expect(options.map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
      expect(screen.getByRole('option', { selected: true }).id).toBe(resultOptionId('people', 9));
      expect(document.getElementById(resultOptionId('people', 7))).toBe(options[0]);
    });

    it('calls back with the id of the option clicked', async () => {
      const user = userEvent.setup();
      const onChoose = vi.fn();
      render(<ResultList results={RESULTS} onChoose={onChoose} label="Search results" listbox={{ id: 'people', active: 0 }} />);
      await user.click(screen.getByRole('option', { name: /Grace Hopper/ }));
      expect(onChoose).toHaveBeenCalledWith(9);
    });

    it('reaches each option with Tab, moves with the arrows from there, and opens with Enter', async () => {
      const user = userEvent.setup();
      const onChoose = vi.fn();
      const onActive = vi.fn();
      render(
        <>
          <input aria-label="Search people" />
          <ResultList results={RESULTS} onChoose={onChoose} label="Search results" listbox={{ id: 'people', active: 0, onActive }} />
        </>,
      );
      screen.getByLabelText('Search people').focus();
      await user.tab();
      expect(document.activeElement).toBe(screen.getByRole('option', { name: /Ada Lovelace/ }));
      await user.keyboard('{ArrowDown}');
      expect(document.activeElement).toBe(screen.getByRole('option', { name: /Grace Hopper/ }));
      expect(onActive).toHaveBeenLastCalledWith(1);
      await user.keyboard('{Enter}');
      expect(onChoose).toHaveBeenCalledWith(9);
      await user.tab({ shift: true });
      expect(document.activeElement).toBe(screen.getByRole('option', { name: /Ada Lovelace/ }));
    });
  });
});
