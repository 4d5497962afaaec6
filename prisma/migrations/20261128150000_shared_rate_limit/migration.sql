-- CreateTable
CREATE TABLE "ApiRateLimit" (
    "key" TEXT NOT NULL,
    "hits" TIMESTAMPTZ(3)[],
    "lastAllowed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "ApiRateLimit_pkey" PRIMARY KEY ("key")
);


