import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Native and WASM database/hash modules must be loaded by Node, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', '@node-rs/bcrypt', 'pg', 'ws'],
};

export default nextConfig;
