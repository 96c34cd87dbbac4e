-- Current values are rewritten in place by every import and API write that brings a newer reading. With pages
-- filled to the brim, each update put the new row version on another page and added it to both indexes; with room
-- left on the page, PostgreSQL keeps it there and touches no index (a heap-only update). A million-row import of
-- the newest readings, which moves a million current values forward, took 20.8 s at the default fill factor and
-- 14.8 s at 70 (`npm run bench`).
-- Pages written before this migration fill up as before until their rows move.
ALTER TABLE "MetricCurrentValue" SET (fillfactor = 70);
