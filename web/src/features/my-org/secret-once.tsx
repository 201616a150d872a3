// A secret the server shows exactly once (an API token, an invitation link), with a copy button.
import { useState } from 'react';
import { Button } from '../../ui/button.tsx';

export function SecretOnce({
  label,
  secret,
  note,
}: {
  label: string;
  secret: string;
  note: string;
}) {
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const copy = () => {
    navigator.clipboard.writeText(secret).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="banner banner--warn" role="status">
      <div className="stack" style={{ gap: 8, flex: 1, minWidth: 0 }}>
        <strong>{label}</strong>
        <p className="small">{note}</p>
        <div className="secret">
          <code data-testid="secret" style={{ flex: 1 }}>
            {secret}
          </code>
          <Button small onClick={copy}>
            {copied === 'yes' ? 'Copied' : 'Copy'}
          </Button>
        </div>
        {copied === 'failed' && (
          <p className="small">
            Copying was blocked by the browser: select the text and copy it by hand.
          </p>
        )}
      </div>
    </div>
  );
}
