-- CreateIndex
CREATE INDEX "ProjectFigures_plannedStartDate_projectId_idx" ON "ProjectFigures"("plannedStartDate", "projectId");


