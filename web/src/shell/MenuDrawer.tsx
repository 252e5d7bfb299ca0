import { Drawer } from "antd";
import type { ReactNode } from "react";

/** The phone's menu; its own chunk, so desktops never download the drawer. */
export default function MenuDrawer({ open, onClose, children }: { open: boolean; onClose: () => void; children: ReactNode }) {
  return (
    <Drawer title="菜单" placement="left" open={open} onClose={onClose} size={280} styles={{ body: { padding: 0 } }}>
      {children}
    </Drawer>
  );
}
