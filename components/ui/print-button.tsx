"use client";

export function PrintButton({ label = "打印" }: { label?: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50">
      {label}
    </button>
  );
}
