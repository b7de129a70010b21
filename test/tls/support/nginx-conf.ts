/**
 * An nginx.conf for one TLS server block, run in the foreground from a temporary prefix as one
 * process (no master, no workers), so that stopping the child stops everything. Every temporary
 * path points into the prefix: nginx writes nothing outside it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeNginxConf(
  dir: string,
  server: { listen: string; chain: string; key: string; directives: string; location: string },
): string {
  const path = join(dir, 'nginx.conf');
  writeFileSync(
    path,
    `daemon off;
master_process off;
pid ${dir}/nginx.pid;
error_log stderr notice;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen ${server.listen} ssl;
    server_name www.example.com;
    ssl_certificate ${server.chain};
    ssl_certificate_key ${server.key};
    ${server.directives}
    location / { ${server.location} }
  }
}
`,
  );
  return path;
}
