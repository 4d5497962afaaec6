-- The red list's code order within a park (lib/server/warnings/list-red-projects.ts,
-- redPageQueryByPark): a park with many red projects is walked in code order on this index
-- until the page is full, instead of joining and sorting every red project of the park.
CREATE INDEX "Project_parkId_code_idx" ON "Project"("parkId", "code");
