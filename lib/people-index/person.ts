import { displayName, type Employee } from '../employee';
import { fold, textTokens } from '../text';

/** One search result: what the popup and the panel list show of a person. */
export interface SearchHit {
  id: number;
  name: string;
  email: string;
  position?: string;
  department?: string;
}

/** What the index keeps of a person: only fields the admin allowed to be stored. */
export interface IndexedPerson extends SearchHit {
  /** Accent-folded display name, for ranking. */
  folded: string;
  nameTokens: string[];
  tagTokens: string[];
}

export function indexedPerson(e: Employee): IndexedPerson {
  const name = displayName(e);
  return {
    id: e.id,
    name,
    email: e.email,
    ...(e.position ? { position: e.position } : {}),
    ...(e.department?.name ? { department: e.department.name } : {}),
    folded: fold(name),
    nameTokens: e.nameTokens,
    // Derived here rather than stored with every row: what is stored is what the admin allowed,
    // so role words follow it by themselves, and rows stay smaller.
    tagTokens: textTokens(e.position, e.department?.name, e.team?.name),
  };
}
