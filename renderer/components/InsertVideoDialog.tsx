// Insert video: asks for a YouTube or Vimeo address and says, as it is typed,
// which video it names (or why it names none).
import { useId, useRef, useState } from 'react';
import { formatStart, parseVideoUrl, videoHostName } from '../../common/videoUrl';
import { FormDialog } from './FormDialog';

interface InsertVideoDialogProps {
  /** Resolves true once the video is in the post. */
  onInsert: (address: string) => Promise<boolean>;
  onClose: () => void;
}

export function InsertVideoDialog({ onInsert, onClose }: InsertVideoDialogProps) {
  const [address, setAddress] = useState('');
  const [touched, setTouched] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const video = parseVideoUrl(address);
  const problem = touched && address.trim() !== '' && !video ? 'That is not a YouTube or Vimeo video address. Copy it from the video’s page or its Share button.' : null;

  return (
    <FormDialog
      title="Insert video"
      submitLabel="Insert"
      canSubmit={video !== null}
      onSubmit={() => onInsert(address.trim())}
      onAttempt={() => setTouched(true)}
      onClose={onClose}
      initialFocus={input}
    >
      <label className="field">
        <span className="field-label">YouTube or Vimeo address</span>
        <input
          ref={input}
          type="url"
          value={address}
          placeholder="https://www.youtube.com/watch?v=…"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          onChange={(event) => setAddress(event.target.value)}
          onBlur={() => setTouched(true)}
        />
      </label>
      <p id={hintId} className={problem ? 'hint problem' : 'hint'} aria-live="polite">
        {problem ??
          (video
            ? `${videoHostName[video.host]} video ${video.id}${video.start ? `, from ${formatStart(video.start)}` : ''}. Its thumbnail is fetched once and kept with the post; readers reach ${videoHostName[video.host]} only when they click.`
            : 'The post shows the video’s thumbnail and title; nothing loads from the video’s site until a reader clicks.')}
      </p>
    </FormDialog>
  );
}
