"use client";

import { UrlSelect as Select } from "@/components/ui/url-select";
import { useEffect, useState } from "react";
import { useUrlState } from "@/components/data-table/use-url-state";

type Option = { id: string; name: string };

interface Props {
  segments: Option[];
  stages: Option[];
  teams: Option[];
  owners: Option[];
  showTeamAndOwner: boolean;
  /** Shown at the row's end (the table's column chooser). */
  children?: React.ReactNode;
}

export function AccountFilters({ segments, stages, teams, owners, showTeamAndOwner, children }: Props) {
  const { params, update } = useUrlState();
  const [q, setQ] = useState(params.get("q") ?? "");

  // Debounce typing so the server is asked once per pause, not once per key.
  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => update({ q }, { resetPage: true }), 300);
    return () => clearTimeout(timer);
  }, [q, params, update]);

  return (
    <div className="toolbar" role="search">
      <label className="field" style={{ flex: "1 1 220px" }}>
        Search
        <input
          className="input"
          type="search"
          placeholder="Name, id or domain"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </label>
      <Select name="segment" label="Segment" options={segments} />
      <Select name="stage" label="Stage" options={stages} />
      {showTeamAndOwner && <Select name="team" label="Team" options={teams} />}
      {showTeamAndOwner && (
        <Select name="owner" label="Owner" options={owners} extra={[{ id: "none", name: "Unassigned" }]} />
      )}
      {children}
    </div>
  );
}
