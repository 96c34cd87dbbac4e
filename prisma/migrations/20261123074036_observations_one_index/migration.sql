-- Observations keep one index, their key. The index by metric cost every write about a quarter of a
-- bulk insert's time and served only deleting a metric, which now scans the organisation's observations.
-- DropIndex
DROP INDEX "MetricObservation_organizationId_metricId_observedAt_idx";
