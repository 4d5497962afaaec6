-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_landedOn_idx" ON "ProjectFigures"("parkId", "landedOn");

-- CreateIndex
CREATE INDEX "ProjectFigures_parkId_statusDate_idx" ON "ProjectFigures"("parkId", "statusDate");


