/** @type {import('next').NextConfig} */
const nextConfig = {
  // Links are built from query strings (e.g. `/?lang=th`); typed routes would only add friction.
  typedRoutes: false,
  poweredByHeader: false,
};

export default nextConfig;
