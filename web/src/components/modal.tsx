import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>: focus moves into it when it opens, Escape cancels, focus returns to the page
 * when it closes. Its content is mounted only while open, so each opening starts from empty fields.
 */
export function Modal({ open, titleId, onCancel, children }: { open: boolean; titleId: string; onCancel: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    else if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
