import { App, Button } from "antd";
import { useState } from "react";
import { problemText } from "../api/problem";

/**
 * One stored file. The API hands out a short-lived download link only on its attachment route,
 * so the link is fetched when the file is opened, not when the page is read.
 */
export function AttachmentLink({ fileName, link }: { fileName: string; link: () => Promise<string | undefined> }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    try {
      const url = await link();
      if (url) window.open(url, "_blank", "noopener");
    } catch (err) {
      message.error(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button type="link" size="small" loading={busy} onClick={open} style={{ paddingInline: 0 }}>
      {fileName}
    </Button>
  );
}
