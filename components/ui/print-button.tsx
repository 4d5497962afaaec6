"use client";

import { Button } from "@/components/ui/button";

export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <Button type="button" onClick={() => window.print()} variant="secondary" className="no-print">
      {label}
    </Button>
  );
}
