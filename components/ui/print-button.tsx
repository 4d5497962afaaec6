"use client";

import { Button } from "@/components/ui/button";

/**
 * Marks the page as printed on A4 landscape (globals.css: `main:has(.print-landscape)` uses
 * the named page "landscape"): for pages whose tables are too wide for portrait.
 */
export function PrintLandscape() {
  return <span hidden className="print-landscape" />;
}

/** 打印: the browser's print dialog; `landscape` turns the paper (see PrintLandscape). */
export function PrintButton({ label = "打印", landscape = false }: { label?: string; landscape?: boolean }) {
  return (
    <>
      <Button type="button" onClick={() => window.print()} variant="secondary" className="no-print">
        {label}
      </Button>
      {landscape && <PrintLandscape />}
    </>
  );
}
