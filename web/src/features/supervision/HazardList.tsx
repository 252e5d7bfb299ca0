import { HazardTable } from "../hazards/HazardList";

/** The jurisdiction's hazards: the one hazard list, titled for the regulator's menu. */
export default function SupervisionHazardList() {
  return <HazardTable title="辖区隐患" />;
}
