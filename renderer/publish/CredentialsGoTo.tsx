// One line, wherever a target is shown: the address its credentials go to.
// A workspace may name it, so the author always sees it before publishing.
import type { PublishTargetConfig } from '../../common/publish';
import { credentialAddress } from '../../common/publishAddress';

export function CredentialsGoTo({ config, wide = false }: { config: PublishTargetConfig; wide?: boolean }) {
  const { address, confirm } = credentialAddress(config);
  return (
    <span className={wide ? 'hint target-address target-wide' : 'hint target-address'}>
      {config.type === 'git' && !confirm ? 'Publishes on this computer, to ' : 'Credentials go to '}
      <code>{address}</code>
    </span>
  );
}
