import { Card, Col, Row, Typography } from "antd";
import { Link } from "react-router";
import { isPublic, mayCall } from "../api/access";
import { useSession } from "../auth/session";
import { PAGES } from "../pages";
import { MENU_GROUPS } from "./labels";

/** The landing page: the pages this visitor may open, by menu group. */
export default function Home() {
  const s = useSession();
  return (
    <>
      <Typography.Title level={2}>湖北省安全生产监管平台</Typography.Title>
      <Typography.Paragraph type="secondary">依据《湖北省安全生产监管体制改革方案》（鄂安办〔2015〕60号）建设：隐患排查治理、事故直报、网上审批、信用监管与考核评价。</Typography.Paragraph>
      {MENU_GROUPS.map(([group, label]) => {
        const pages = PAGES.filter((p) => p.menu === group && (s ? mayCall(s.claims.role, p.api) : isPublic(p.api)));
        if (!pages.length) return null;
        return (
          <section key={group} aria-label={label}>
            <Typography.Title level={3}>{label}</Typography.Title>
            <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
              {pages.map((p) => (
                <Col key={p.path} xs={24} sm={12} lg={8}>
                  <Link to={p.path}>
                    <Card hoverable size="small">
                      {p.title}
                    </Card>
                  </Link>
                </Col>
              ))}
            </Row>
          </section>
        );
      })}
    </>
  );
}
