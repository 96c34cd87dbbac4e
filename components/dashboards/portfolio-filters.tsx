import { UrlSelect } from "@/components/ui/url-select";

type Option = { id: string; name: string };

export interface FilterOptions {
  segments: Option[];
  stages: Option[];
  teams: Option[];
  owners: Option[];
}

/** Scorecard, optional period, and the view's filters — all in the URL, so a view can be shared. */
export function PortfolioFilters({
  scorecards,
  options,
  showTeamAndOwner,
  ranges,
  children,
}: {
  scorecards: Option[];
  options: FilterOptions;
  showTeamAndOwner: boolean;
  ranges?: readonly number[];
  children?: React.ReactNode;
}) {
  return (
    <div className="toolbar" role="search" aria-label="Filters">
      {scorecards.length > 1 && <UrlSelect name="scorecard" label="Scorecard" options={scorecards} empty={null} />}
      {ranges && (
        <UrlSelect
          name="range"
          label="Period"
          options={ranges.map((r) => ({ id: String(r), name: `Last ${r} days` }))}
          empty={null}
          fallback="90"
        />
      )}
      <UrlSelect name="segment" label="Segment" options={options.segments} />
      <UrlSelect name="stage" label="Stage" options={options.stages} />
      {showTeamAndOwner && <UrlSelect name="team" label="Team" options={options.teams} />}
      {showTeamAndOwner && (
        <UrlSelect name="owner" label="Owner" options={options.owners} extra={[{ id: "none", name: "Unassigned" }]} />
      )}
      {children}
    </div>
  );
}
