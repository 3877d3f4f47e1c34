// Publish settings' first field: the site's own address (baseUrl in
// postwright.json), which feeds, the sitemap and share links are built on. A
// placeholder such as the sample's https://example.com/ is named as one.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError, type SiteAddress } from '../../common/api';
import { placeholderReason } from '../../common/siteAddress';
import { useApi } from '../apiContext';

export function SiteAddressField() {
  const api = useApi();
  const id = useId();
  const [saved, setSaved] = useState<SiteAddress | null>(null);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    api.site.address().then(
      (address) => {
        setSaved(address);
        setValue(address.written ? address.baseUrl : '');
      },
      (error: unknown) => setProblem(ApiError.from(error).message),
    );
  }, [api]);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const address = await api.site.setAddress(value);
      setSaved(address);
      setValue(address.baseUrl);
      setProblem(null);
    } catch (error) {
      setProblem(ApiError.from(error).message);
    }
  }

  const warning = saved && placeholderReason(saved);
  const hintId = `${id}-hint`;
  return (
    <form className="field site-address" noValidate onSubmit={(event) => void save(event)}>
      <label className="field-label" htmlFor={id}>
        Site address
      </label>
      <div className="site-address-row">
        <input
          id={id}
          type="url"
          value={value}
          placeholder="https://your-blog.example/"
          spellCheck={false}
          aria-invalid={problem !== null || warning ? true : undefined}
          aria-describedby={hintId}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button" disabled={!saved || value.trim() === '' || value.trim() === saved.baseUrl}>
          Save address
        </button>
      </div>
      <p id={hintId} className={problem || warning ? 'hint problem' : 'hint'} role={problem ? 'alert' : undefined}>
        {problem ?? warning ?? 'Where the site is published: feeds, the sitemap and share links are built on it. Saved as “baseUrl” in postwright.json.'}
      </p>
    </form>
  );
}
