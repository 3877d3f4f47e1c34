// Insert video: asks for a YouTube or Vimeo address and says, as it is typed,
// which video it names (or why it names none).
import { useState } from 'react';
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
      label="YouTube or Vimeo address"
      input={{
        type: 'url',
        value: address,
        placeholder: 'https://www.youtube.com/watch?v=…',
        spellCheck: false,
        'aria-invalid': problem ? true : undefined,
        onChange: (event) => setAddress(event.target.value),
        onBlur: () => setTouched(true),
      }}
      warn={problem !== null}
      hint={
        problem ??
        (video
          ? `${videoHostName[video.host]} video ${video.id}${video.start ? `, from ${formatStart(video.start)}` : ''}. Its thumbnail is fetched once and kept with the post; readers reach ${videoHostName[video.host]} only when they click.`
          : 'The post shows the video’s thumbnail and title; nothing loads from the video’s site until a reader clicks.')
      }
    />
  );
}
