/** @type {import('next').NextConfig} */
const nextConfig = {
  // Links are built from query strings (e.g. `/?lang=th`); typed routes would only add friction.
  typedRoutes: false,
  poweredByHeader: false,
  // PGlite loads its WebAssembly and data files from its own package folder at run time, and
  // pg has optional native parts: both are loaded by Node as they are, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg'],
};

export default nextConfig;
