import { useEffect, useId, useRef, useState } from 'react';
import { formatFull, formatValue, parseUserNumber, userNumberError, type Precision } from '../core/format-number.ts';
import { usePrecision } from './Num.tsx';

interface Props {
  value: number;
  /** what the number is, for the label and for messages ("weight w₅") */
  label: string;
  /** commits a new value; returns false when the app refused it (it then shows its own message) */
  onCommit(value: number): boolean | void;
  /** significant digits shown; the user's precision when absent */
  digits?: Precision | number;
  className?: string;
  testId?: string;
}

/**
 * A number shown at display precision that becomes a text field on click or Enter:
 * Enter commits, Escape cancels, and text that is not a number is refused where it was
 * typed, with a message, changing nothing. Leaving the field commits a valid number and
 * drops anything else.
 */
export function EditableNumber({ value, label, onCommit, digits, className, testId }: Props) {
  const precision = usePrecision();
  const [editing, setEditing] = useState(false);
  // After Enter or Escape, focus goes back to the number edited, not to <body>; leaving the field by a click or Tab does not.
  const [refocus, setRefocus] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (editing) {
      input.current?.focus();
      input.current?.select();
    } else if (refocus) {
      button.current?.focus();
      setRefocus(false);
    }
  }, [editing, refocus]);

  const start = () => {
    setText(String(value));
    setError(null);
    setEditing(true);
  };

  const cancel = () => {
    setEditing(false);
    setError(null);
  };
  const commit = () => {
    const parsed = parseUserNumber(text);
    if (parsed === null) {
      setError(userNumberError(text));
      return;
    }
    if (onCommit(parsed) === false) return;
    setEditing(false);
    setError(null);
  };

  if (!editing) {
    return (
      <button
        ref={button}
        type="button"
        className={`editable-number ${className ?? ''}`}
        aria-label={`${label} = ${String(value)}, press Enter to edit`}
        title={`${formatFull(value)} (click to edit)`}
        data-testid={testId}
        onClick={start}
      >
        {formatValue(value, digits ?? precision)}
      </button>
    );
  }
  return (
    <span className="editable-number-field">
      <input
        ref={input}
        className={error ? 'invalid' : undefined}
        aria-label={label}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId && `${testId}-input`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            // Focus goes back to the button at once: without this the same Enter would press it and reopen the field.
            e.preventDefault();
            setRefocus(true);
            commit();
          } else if (e.key === 'Escape') {
            // The panel or dialog around must not also take this Escape (clear the selection, close).
            e.stopPropagation();
            setRefocus(true);
            cancel();
          }
        }}
        onBlur={() => (parseUserNumber(text) === null ? cancel() : commit())}
        size={Math.max(6, text.length + 1)}
      />
      {error && (
        <span id={errorId} role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
