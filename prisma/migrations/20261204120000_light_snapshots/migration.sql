-- CreateTable
CREATE TABLE "LightSnapshot" (
    "date" DATE NOT NULL,
    "parkId" INTEGER NOT NULL,
    "green" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "red" INTEGER NOT NULL,
    "unlit" INTEGER NOT NULL,
    "startRed" INTEGER NOT NULL,
    "progressRed" INTEGER NOT NULL,
    "filingRed" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LightSnapshot_pkey" PRIMARY KEY ("parkId","date")
);

-- CreateIndex
CREATE INDEX "LightSnapshot_date_idx" ON "LightSnapshot"("date");

-- AddForeignKey
ALTER TABLE "LightSnapshot" ADD CONSTRAINT "LightSnapshot_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


