import { useAppStore } from './use-app-store.ts';

/** The app's message to the user: what went wrong (or happened), with the details one per line. */
export function NoticeBanner() {
  const { notice, setNotice } = useAppStore((s) => ({ notice: s.notice, setNotice: s.setNotice }));
  if (notice === null) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <div className="notice-text">
        <strong>{notice.text}</strong>
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((line, k) => (
              <li key={k}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss the message" onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}
