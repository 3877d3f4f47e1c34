// Asked the first time a target would send the author's credentials to an
// address not yet confirmed on this computer (an S3 endpoint, an SFTP server,
// a git remote). postwright.json chose the address, and it may come from a
// stranger's repository, so nothing is sent until the author says yes here.
import { ConfirmPrompt, PromptValue } from './ConfirmPrompt';

interface EndpointPromptProps {
  target: string;
  address: string;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
}

export function EndpointPrompt({ target, address, onConfirm, onCancel }: EndpointPromptProps) {
  return (
    <ConfirmPrompt
      title={<>Send your credentials for “{target}” to this address?</>}
      lead={<PromptValue label="Address" value={address} />}
      detail={
        <>
          It comes from postwright.json, which anyone who shared this blog with you could have written, and it has not been confirmed on this computer. Send your
          keys, tokens or passwords there only if it is your own server or storage.
        </>
      }
      confirm={{ label: 'It’s mine: continue', run: onConfirm }}
      onCancel={onCancel}
      // Focus starts on Cancel: a yes sends secrets off the computer, so it takes a deliberate move.
      focus="cancel"
    />
  );
}
