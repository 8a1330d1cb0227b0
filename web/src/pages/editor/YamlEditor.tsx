/** Mounts the editor view of a `ModelBuffers` into the page. */
import { useEffect, useRef } from 'react';
import type { ModelBuffers } from './model-buffers';

export function YamlEditor({ buffers }: { readonly buffers: ModelBuffers }) {
  const parent = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = parent.current;
    if (element === null) return;
    buffers.attach(element);
    return () => {
      buffers.detach();
    };
  }, [buffers]);
  return <div ref={parent} className="code-editor" />;
}
