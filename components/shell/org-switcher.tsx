"use client";

import { Options } from "@/components/ui/options";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { switchOrganizationAction } from "@/lib/actions/profile";

export function OrgSwitcher({
  current,
  organizations,
}: {
  current: string;
  organizations: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  if (organizations.length < 2) return null;
  return (
    <label className="field" style={{ fontSize: 12, color: "#8f99b5" }}>
      Organisation
      <select
        className="input"
        value={current}
        disabled={pending}
        onChange={(event) => {
          const organizationId = event.target.value;
          startTransition(async () => {
            const result = await switchOrganizationAction({ organizationId });
            if (result.ok) {
              router.push("/accounts");
              router.refresh();
            }
          });
        }}
      >
        <Options items={organizations} />
      </select>
    </label>
  );
}
