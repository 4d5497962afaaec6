"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * Marks the page as printed on A4 landscape (globals.css: `main:has(.print-landscape)` uses
 * the named page "landscape"): for pages whose tables are too wide for portrait.
 */
export function PrintLandscape() {
  return <span hidden className="print-landscape" />;
}

/** 打印: the browser's print dialog; `landscape` turns the paper (see PrintLandscape). */
export function PrintButton({ label, landscape = false }: { label?: string; landscape?: boolean }) {
  const t = useTranslations("ui");
  return (
    <>
      <Button type="button" onClick={() => window.print()} variant="secondary" className="no-print">
        {label ?? t("print")}
      </Button>
      {landscape && <PrintLandscape />}
    </>
  );
}
