import { isNotation, NOTATIONS, type Notation } from '../core/notation.ts';
import { useNotation } from './notation-context.tsx';

/** Each notation as the menu shows it: a sample name, then what it is. */
const NOTATION_NAMES: Record<Notation, string> = {
  indices: 'w⁽ˡ⁾ⱼᵢ indices',
  letters: 'A, B, AB letters',
  'net-out': 'i₁, h₁, o₁, w₁ net/out',
  bracketed: 'w[l]ᵢⱼ bracketed',
};

/** The notation switch (in the settings, labelled there): renames unlabelled elements on the diagram and in every formula. */
export function NotationSelect() {
  const { notation, setNotation } = useNotation();
  return (
    <select
      className="notation-select"
      value={notation}
      data-testid="notation-select"
      title="Notation of unlabelled nodes, weights and biases, on the diagram and in every formula (a scenario's own labels win)"
      onChange={(e) => {
        if (isNotation(e.target.value)) setNotation(e.target.value);
      }}
    >
      {NOTATIONS.map((n) => (
        <option key={n} value={n}>
          {NOTATION_NAMES[n]}
        </option>
      ))}
    </select>
  );
}
