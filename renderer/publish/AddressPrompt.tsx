// Asked before a publish when the site's address (baseUrl) is a placeholder
// such as the sample's https://example.com/: the site would go live with
// feeds, sitemap and share links pointing there. Set the address in Publish
// settings, or publish anyway (asked once per window).
import { ConfirmPrompt } from './ConfirmPrompt';

interface AddressPromptProps {
  reason: string;
  onSetAddress: () => void;
  onPublishAnyway: () => void;
  onCancel: () => void;
}

export function AddressPrompt({ reason, onSetAddress, onPublishAnyway, onCancel }: AddressPromptProps) {
  return (
    <ConfirmPrompt
      title="Publish with a placeholder site address?"
      detail={<>{reason} Set the address in Publish settings; the next publish rewrites every page that names it.</>}
      confirm={{ label: 'Set the site address…', run: onSetAddress }}
      alternative={{ label: 'Publish anyway', run: onPublishAnyway }}
      onCancel={onCancel}
      // Focus starts on the fix: publishing anyway takes a deliberate move.
      focus="confirm"
    />
  );
}
