"use client";

import { useId, useState } from "react";

/**
 * Content that a phone folds behind a button (a list's filters) and wider screens always
 * show. The button is a disclosure (aria-expanded, aria-controls) and exists below md only.
 */
export function PhoneDisclosure({ label, children, className = "" }: { label: string; children: React.ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className="flex w-full items-center justify-between text-sm font-medium text-slate-700 md:hidden"
      >
        {label}
        <span aria-hidden className="text-slate-500">
          {open ? "收起 ▴" : "展开 ▾"}
        </span>
      </button>
      <div id={id} className={`${open ? "mt-3 flex" : "hidden"} md:mt-0 md:flex ${className}`}>
        {children}
      </div>
    </>
  );
}
