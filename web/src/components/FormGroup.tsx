import type { ReactNode } from "react";

/** A titled group of form fields (a fieldset, so assistive technology names the group by its legend). */
export function FormGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: "1px solid #d9d9d9", borderRadius: 8, padding: "4px 12px 12px", marginBottom: 16, minWidth: 0 }}>
      {/* antd's reset draws a legend full width with a rule under it: inside a bordered fieldset it reads as a second border. */}
      <legend style={{ width: "auto", border: 0, margin: 0, padding: "0 4px", fontSize: 14 }}>{legend}</legend>
      {children}
    </fieldset>
  );
}
