import { useAppStoreApi } from './use-app-store.ts';
import { focusDiagram } from './use-shortcuts.ts';

/**
 * The first stop of the Tab order, shown only when focused: jumps the focus past the
 * toolbar and step controls onto the diagram (its selected element, or its first), from
 * where Tab goes on through the network. A button, not a #link: the hash holds share links.
 */
export function SkipLink() {
  const store = useAppStoreApi();
  return (
    <button type="button" className="skip-link" onClick={() => focusDiagram(store)} data-testid="skip-to-diagram">
      Skip to the network diagram
    </button>
  );
}
