// Reference and demo data of the approvals context, written idempotently (see shared/seeding.ts).
export async function seed(): Promise<number> {
  return 0;
}
